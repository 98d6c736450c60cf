using System.Net;
using System.Text.Json;
using Latchkey.Api.Tests.Admin;
using Latchkey.Api.Tests.Infrastructure;
using Latchkey.Api.Tests.Platform;
using Latchkey.Data;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Latchkey.Api.Tests.Account;

/// <summary><c>GET /api/user/export</c>: one JSON document of everything about the person, no secrets, and no table forgotten.</summary>
public sealed class ExportTests(AccountServer server) : IClassFixture<AccountServer>
{
    /// <summary>Where each table holding a user id appears in the export.</summary>
    private static readonly Dictionary<string, string> Sections = new()
    {
        ["users"] = "account",
        ["user_profiles"] = "profile",
        ["user_avatars"] = "avatar",
        ["sessions"] = "sessions",
        ["activity"] = "activity",
        ["two_factor_methods"] = "secondFactors",
        ["recovery_codes"] = "recoveryCodes",
        ["passkeys"] = "passkeys",
        ["user_identities"] = "connectedServices",
        ["oauth_consents"] = "consents",
        ["api_keys"] = "apiKeys",
        ["oauth_clients"] = "oauthClients",
        ["verification_tickets"] = "pendingVerifications",
        ["licenses"] = "licenses",
        ["scim_user_profiles"] = "directory",
        ["scim_group_members"] = "groups",
    };

    /// <summary>Tables left out of the export on purpose; each says why.</summary>
    private static readonly Dictionary<string, string> Excluded = new()
    {
        // Only SHA-256 hashes of refresh tokens, grouped by session: the sessions section is what the person can read.
        ["refresh_tokens"] = "secret hashes; described by sessions",
        // Sign-in ceremonies (second factor, passkey) that live for minutes and hold challenge state, not personal data.
        ["auth_challenges"] = "transient ceremony state",
        // Single-use authorization codes, valid for a minute; the grant they lead to is a session.
        ["oauth_authorization_codes"] = "transient, single use",
        // Device-flow requests, valid for minutes; an approved one becomes a session.
        ["oauth_device_authorizations"] = "transient, single use",
        // Social sign-in state between redirect and callback, valid for minutes.
        ["social_states"] = "transient redirect state",
        // Back-channel logout notices waiting to be sent: ids only, deleted when delivered (decision 71).
        ["backchannel_logouts"] = "transient delivery queue, ids only",
    };

    [Fact]
    public async Task Every_table_holding_a_user_id_is_in_the_export_or_excluded_with_a_reason()
    {
        await using var scope = server.Services.CreateAsyncScope();
        var tables = AccountTables.Find(scope.ServiceProvider.GetRequiredService<LatchkeyDbContext>());
        Assert.Contains(tables, t => t.Table == "sessions");

        var (client, _) = await server.SignedInAsync();
        var export = await (await client.GetAsync("/api/user/export")).OkAsync();
        foreach (var (table, _) in tables)
        {
            Assert.True(Sections.ContainsKey(table) || Excluded.ContainsKey(table),
                $"Table {table} holds a user id but is neither exported nor excluded: add it to the export (AccountDataStore) and to this test.");
            if (Sections.TryGetValue(table, out var section)) Assert.True(export.TryGetProperty(section, out _), $"missing section {section}");
        }
    }

    [Fact]
    public async Task The_export_holds_the_person_s_data_and_no_secret()
    {
        var (client, email) = await server.SignedInAsync();
        await (await client.SendAsync(HttpMethod.Put, "/api/user/profile", body: new { bio = "Poet of science", timezone = "Europe/Paris" })).OkAsync();
        var (access, _) = await client.SimpleLoginAsync(email);
        var key = await (await client.PostJsonAsync("/api/v1/auth/keys", new { name = "backup script" }, access)).JsonAsync();

        var response = await client.GetAsync("/api/user/export");
        Assert.Contains("attachment", response.Content.Headers.ContentDisposition?.ToString() ?? response.Headers.ToString());
        var export = await response.OkAsync();
        Assert.Equal("latchkey.account-export/1", export.Str("format"));
        Assert.Equal(email, Assert.Single(export.GetProperty("emails").EnumerateArray()).Str("address"));
        Assert.Equal("Poet of science", export.GetProperty("profile").Str("bio"));
        Assert.Equal("Europe/Paris", export.GetProperty("preferences").Str("timezone"));
        Assert.True(export.GetProperty("account").GetProperty("hasPassword").GetBoolean());
        Assert.True(export.GetProperty("sessions").GetArrayLength() >= 2);
        Assert.Contains(export.GetProperty("activity").EnumerateArray(), a => a.Str("type") == "login.success");
        Assert.Equal("backup script", Assert.Single(export.GetProperty("apiKeys").EnumerateArray()).Str("name"));

        var text = export.GetRawText();
        Assert.DoesNotContain(key.Str("apiKey"), text);
        Assert.DoesNotContain("argon2", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("secretHash", text);
        Assert.DoesNotContain("passwordHash", text);
        Assert.Equal(HttpStatusCode.Unauthorized, (await server.CreateClient().GetAsync("/api/user/export")).StatusCode);
        // An API key reads the profile but may not take the whole account away.
        Assert.Equal(HttpStatusCode.Forbidden, (await server.CreateClient().GetAsync("/api/user/export", key.Str("apiKey"))).StatusCode);
    }
}

/// <summary>Rate limits on: the export allows a few a window.</summary>
public sealed class ExportRateLimitTests(RateLimitedServer server) : IClassFixture<RateLimitedServer>
{
    [Fact]
    public async Task The_export_is_limited_to_five_an_hour_then_429()
    {
        var (client, _) = await server.SignedInAsync();
        for (var i = 0; i < 5; i++) Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/user/export")).StatusCode);
        var limited = await client.GetAsync("/api/user/export");
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.NotNull(limited.Headers.RetryAfter);
        Assert.Equal("rate_limited", (await limited.JsonAsync()).Str("code"));
    }
}
