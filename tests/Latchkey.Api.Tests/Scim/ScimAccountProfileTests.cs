using System.Net;
using Latchkey.Api.Tests.Account;
using Latchkey.Api.Tests.Admin;
using Latchkey.Api.Tests.Infrastructure;
using Latchkey.Api.Tests.OAuth;
using Microsoft.EntityFrameworkCore;
using Xunit;
using static Latchkey.Api.Tests.Scim.ScimClient;

namespace Latchkey.Api.Tests.Scim;

/// <summary>
/// SCIM title, timezone and locale are the account's own job title, time zone and language (decision 78): what the
/// identity provider writes, the profile API and OIDC read, and what the person changes, SCIM reads back.
/// </summary>
public sealed class ScimAccountProfileTests(AccountServer server) : IClassFixture<AccountServer>
{
    [Fact]
    public async Task Title_timezone_and_locale_are_one_value_for_scim_the_profile_api_and_oidc()
    {
        var scim = await ScimClient.CreateAsync(server, await server.AdminAsync());
        var (browser, email) = await server.SignedInBrowserAsync();
        var id = (await scim.ListAsync("filter=" + Uri.EscapeDataString($"userName eq \"{email}\""))).GetProperty("Resources")[0].Str("id");

        await ExpectAsync(await scim.PatchAsync($"/Users/{id}",
            new { op = "replace", value = new { title = "Staff Engineer", timezone = "Asia/Tokyo", locale = "fr-CA" } }), HttpStatusCode.OK);
        var profile = (await (await browser.GetAsync("/api/user/profile")).OkAsync()).GetProperty("profile");
        Assert.Equal("Staff Engineer", profile.Str("job_title"));
        Assert.Equal("Asia/Tokyo", profile.Str("timezone"));
        Assert.Equal("fr", profile.Str("locale"));           // the language the account is served in
        var user = await ExpectAsync(await scim.GetAsync($"/Users/{id}"), HttpStatusCode.OK);
        Assert.Equal("fr-CA", user.Str("locale"));           // the tag the identity provider sent

        var oauthClient = await server.CreateClientAsync(extra: new { scopes = new[] { "openid", "profile" } });
        var pkce = Pkce.New();
        var tokens = await (await server.ExchangeAsync(oauthClient, await browser.CodeAsync(oauthClient, pkce, "openid profile"), pkce)).OkJsonAsync();
        var info = await (await server.CreateClient().GetAsync("/api/oauth/userinfo", tokens.Str("access_token"))).OkJsonAsync();
        Assert.Equal("Asia/Tokyo", info.Str("zoneinfo"));
        Assert.Equal("fr", info.Str("locale"));

        // The person changes their title and language: SCIM reads the account's values, and filters on them.
        await (await browser.SendAsync(HttpMethod.Put, "/api/user/profile", body: new { job_title = "Principal Engineer", locale = "en" })).OkAsync();
        user = await ExpectAsync(await scim.GetAsync($"/Users/{id}"), HttpStatusCode.OK);
        Assert.Equal("Principal Engineer", user.Str("title"));
        Assert.Equal("en", user.Str("locale"));
        Assert.Equal("Asia/Tokyo", user.Str("timezone"));
        foreach (var filter in new[] { "title eq \"principal engineer\"", "timezone eq \"Asia/Tokyo\"", "title sw \"Princ\" and locale eq \"en\"" })
        {
            var found = await scim.ListAsync("filter=" + Uri.EscapeDataString($"id eq \"{id}\" and {filter}"));
            Assert.Equal(1, found.GetProperty("totalResults").GetInt32());
        }
        Assert.Equal(0, (await scim.ListAsync("filter=" + Uri.EscapeDataString($"id eq \"{id}\" and title eq \"Staff Engineer\""))).GetProperty("totalResults").GetInt32());

        // A title longer than the profile takes, or a zone that is not IANA's, changes nothing.
        await FailsAsync(await scim.PatchAsync($"/Users/{id}", new { op = "replace", path = "title", value = new string('t', 101) }),
            HttpStatusCode.BadRequest, "invalidValue");
        await FailsAsync(await scim.PatchAsync($"/Users/{id}", new { op = "replace", path = "timezone", value = "Pacific Standard Time" }),
            HttpStatusCode.BadRequest, "invalidValue");
        profile = (await (await browser.GetAsync("/api/user/profile")).OkAsync()).GetProperty("profile");
        Assert.Equal("Principal Engineer", profile.Str("job_title"));
        Assert.Equal("Asia/Tokyo", profile.Str("timezone"));

        // Removing them in SCIM empties the profile's fields.
        await ExpectAsync(await scim.PatchAsync($"/Users/{id}", new { op = "remove", path = "title" }, new { op = "remove", path = "timezone" }), HttpStatusCode.OK);
        profile = (await (await browser.GetAsync("/api/user/profile")).OkAsync()).GetProperty("profile");
        Assert.False(profile.TryGetProperty("job_title", out var title) && title.ValueKind == System.Text.Json.JsonValueKind.String);
        Assert.False(profile.TryGetProperty("timezone", out var zone) && zone.ValueKind == System.Text.Json.JsonValueKind.String);
    }

    [Fact]
    public async Task A_provisioned_account_gets_a_profile_row_only_when_scim_sends_a_title_or_timezone()
    {
        var scim = await ScimClient.CreateAsync(server, await server.AdminAsync());
        var plain = await scim.CreateUserAsync();
        var titled = await scim.CreateUserAsync(extra: new { title = "Analyst", timezone = "Europe/Berlin" });
        Assert.False(plain.TryGetProperty("title", out _));
        Assert.Equal("Analyst", titled.Str("title"));
        Assert.Equal("Europe/Berlin", titled.Str("timezone"));

        Guid plainId = Guid.Parse(plain.Str("id")), titledId = Guid.Parse(titled.Str("id"));
        var rows = await server.QueryAsync(db => db.AccountProfiles
            .Where(p => p.UserId == plainId || p.UserId == titledId)
            .Select(p => new { p.UserId, p.JobTitle, p.TimeZone })
            .ToListAsync(TestContext.Current.CancellationToken));
        var row = Assert.Single(rows);
        Assert.Equal(titledId, row.UserId);
        Assert.Equal(("Analyst", "Europe/Berlin"), (row.JobTitle, row.TimeZone));
    }
}
