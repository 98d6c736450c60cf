using System.Net;
using Latchkey.Api.Tests.Admin;
using Latchkey.Api.Tests.Infrastructure;
using Latchkey.Api.Tests.OAuth;
using Latchkey.Core.Cluster;
using Latchkey.Core.Settings;
using Latchkey.Core.Tokens;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Latchkey.Api.Tests.Cluster;

/// <summary>A server whose change feed polls only when a test says so (and once at start).</summary>
public sealed class ChangeFeedServer : OAuthServer
{
    protected override void Configure(IDictionary<string, string?> settings)
    {
        base.Configure(settings);
        ManualChangePolling.Configure(settings);
    }

    public Task PollChangesAsync() => ManualChangePolling.PollAsync(this);
}

/// <summary>
/// Issue 20: a change that another node writes to the shared database (a row and nothing in this node's
/// memory) is followed by this node's caches at the next poll of the change feed, through the triggers
/// that bump the area's version in the same transaction. Each test first shows the cache still holding
/// the old answer, so it fails if the feed or a trigger does not do its part.
/// </summary>
public sealed class ChangeFeedTests(ChangeFeedServer server) : IClassFixture<ChangeFeedServer>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private Task WriteAsOtherNodeAsync(Func<Data.LatchkeyDbContext, Task> write) =>
        server.QueryAsync(async db => { await write(db); return 0; });

    [Fact]
    public async Task A_session_revoked_on_another_node_stops_its_access_token_at_the_next_poll()
    {
        var http = server.CreateClient();
        var email = await http.RegisterAsync();
        var (access, _) = await http.SimpleLoginAsync(email);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/api/auth/me", access)).StatusCode);

        await WriteAsOtherNodeAsync(db => db.Sessions.Where(s => db.Users.Any(u => u.Id == s.UserId && u.Email == email))
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.RevokedAt, DateTime.UtcNow), Ct));
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/api/auth/me", access)).StatusCode);

        await server.PollChangesAsync();
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync("/api/auth/me", access)).StatusCode);
    }

    [Fact]
    public async Task A_client_deleted_on_another_node_is_refused_at_the_next_poll()
    {
        var client = await server.CreateClientAsync(grantTypes: ["client_credentials"]);
        Assert.Equal(HttpStatusCode.OK, (await server.TokenAsync(client, ("grant_type", "client_credentials"))).StatusCode);

        await WriteAsOtherNodeAsync(db => db.OAuthClients.Where(c => c.Id == client.Id).ExecuteDeleteAsync(Ct));
        Assert.Equal(HttpStatusCode.OK, (await server.TokenAsync(client, ("grant_type", "client_credentials"))).StatusCode);

        await server.PollChangesAsync();
        Assert.Equal(HttpStatusCode.Unauthorized, (await server.TokenAsync(client, ("grant_type", "client_credentials"))).StatusCode);
    }

    [Fact]
    public async Task Settings_changed_on_another_node_are_in_force_at_the_next_poll()
    {
        var admin = await server.AdminAsync();
        await (await admin.SendAsync(HttpMethod.Put, "/api/admin/settings", body: new { passwordMinLength = 12 })).OkAsync();

        await WriteAsOtherNodeAsync(db => db.RuntimeSettings.ExecuteUpdateAsync(u => u
            .SetProperty(s => s.Document, SettingsCache.Serialize(new RuntimeSettings { PasswordMinLength = 17 }))
            .SetProperty(s => s.Version, s => s.Version + 1), Ct));
        Assert.Equal(12, server.Services.GetRequiredService<SettingsCache>().Current.Settings.PasswordMinLength);

        await server.PollChangesAsync();
        var settings = (await (await admin.GetAsync("/api/admin/settings")).OkAsync()).GetProperty("settings");
        Assert.Equal(17, settings.GetProperty("passwordMinLength").GetInt32());
    }

    [Fact]
    public async Task A_key_rotated_on_another_node_is_published_here_at_the_next_poll()
    {
        // Another node: its own key ring over the same database and Data Protection key ring.
        var otherNode = ActivatorUtilities.CreateInstance<SigningKeyRing>(server.Services);
        await otherNode.InitializeAsync(Ct);
        var rotated = await otherNode.RotateAsync(SigningKeyRing.AccessPurpose, TimeSpan.FromMinutes(15), Ct);
        Assert.DoesNotContain(rotated, await JwksAsync());

        await server.PollChangesAsync();
        Assert.Contains(rotated, await JwksAsync());
    }

    [Fact]
    public async Task The_versions_move_only_for_the_area_that_changed()
    {
        var before = await VersionsAsync();
        await server.CreateClientAsync();
        var after = await VersionsAsync();
        Assert.NotEqual(before[ChangeAreas.OAuthClients], after[ChangeAreas.OAuthClients]);
        Assert.Equal(before[ChangeAreas.SigningKeys], after[ChangeAreas.SigningKeys]);
        Assert.Equal(before[ChangeAreas.Settings], after[ChangeAreas.Settings]);
    }

    private Task<Dictionary<string, long>> VersionsAsync() =>
        server.QueryAsync(db => db.ChangeVersions.AsNoTracking().ToDictionaryAsync(v => v.Area, v => v.Version, Ct));

    private async Task<string> JwksAsync() => await server.CreateClient().GetStringAsync("/.well-known/jwks.json", Ct);
}
