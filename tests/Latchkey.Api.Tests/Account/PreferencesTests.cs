using System.Net;
using Latchkey.Api.Tests.Admin;
using Latchkey.Api.Tests.Infrastructure;
using Xunit;

namespace Latchkey.Api.Tests.Account;

/// <summary><c>GET/PUT /api/user/preferences</c>: language, time zone, date format and security notices, validated.</summary>
public sealed class PreferencesTests(AccountServer server) : IClassFixture<AccountServer>
{
    private static Task<HttpResponseMessage> PutAsync(HttpClient client, object body) => client.SendAsync(HttpMethod.Put, "/api/user/preferences", body: body);

    [Fact]
    public async Task Defaults_then_changes_are_returned_and_language_is_the_profile_locale()
    {
        var (client, _) = await server.SignedInAsync();
        var defaults = (await (await client.GetAsync("/api/user/preferences")).OkAsync()).GetProperty("preferences");
        Assert.Equal("en", defaults.Str("language"));
        Assert.Equal("YYYY-MM-DD", defaults.Str("date_format"));
        Assert.True(defaults.GetProperty("notifications").GetProperty("api_keys_revoked").GetBoolean());

        var changed = (await (await PutAsync(client, new
        {
            language = "fr", timezone = "America/New_York", date_format = "DD/MM/YYYY",
            notifications = new Dictionary<string, bool> { ["api_keys_revoked"] = false },
        })).OkAsync()).GetProperty("preferences");
        var read = (await (await client.GetAsync("/api/user/preferences")).OkAsync()).GetProperty("preferences");
        foreach (var p in new[] { changed, read })
        {
            Assert.Equal(("fr", "America/New_York", "DD/MM/YYYY"), (p.Str("language"), p.Str("timezone"), p.Str("date_format")));
            Assert.False(p.GetProperty("notifications").GetProperty("api_keys_revoked").GetBoolean());
        }
        // One value, two views: the profile's locale and timezone are the preferences'.
        var profile = (await (await client.GetAsync("/api/user/profile")).OkAsync()).GetProperty("profile");
        Assert.Equal(("fr", "America/New_York"), (profile.Str("locale"), profile.Str("timezone")));
    }

    [Fact]
    public async Task The_api_keys_revoked_notice_is_sent_unless_switched_off()
    {
        async Task<int> NoticesAfterPasswordChangeAsync(bool wanted)
        {
            var (client, email) = await server.SignedInAsync();
            await (await PutAsync(client, new { notifications = new Dictionary<string, bool> { ["api_keys_revoked"] = wanted } })).OkAsync();
            var (access, _) = await client.SimpleLoginAsync(email);
            Assert.Equal(HttpStatusCode.Created, (await client.PostJsonAsync("/api/v1/auth/keys", new { name = "ci" }, access)).StatusCode);
            await (await client.PostJsonAsync("/api/user/password", new { currentPassword = Accounts.Password, newPassword = "another-Quiet-Lantern-81-velvet" })).OkAsync();
            return await server.QueryAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(
                db.OutgoingMessages, m => m.Recipient == email && m.Template == "api-keys-revoked"));
        }

        Assert.Equal(1, await NoticesAfterPasswordChangeAsync(wanted: true));
        Assert.Equal(0, await NoticesAfterPasswordChangeAsync(wanted: false));
    }

    public static TheoryData<object, string> Invalid() => new()
    {
        { new { language = "xx" }, "language" },
        { new { timezone = "Nowhere/City" }, "timezone" },
        { new { date_format = "yyyy" }, "date_format" },
        { new { notifications = new Dictionary<string, bool> { ["marketing"] = true } }, "notifications" },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public async Task An_invalid_preference_is_a_400_naming_it_and_changes_nothing(object body, string field)
    {
        var (client, _) = await server.SignedInAsync();
        var error = await (await PutAsync(client, body)).FailsAsync(HttpStatusCode.BadRequest, "validation_error");
        Assert.True(error.GetProperty("details").TryGetProperty(field, out _), error.ToString());
        var read = (await (await client.GetAsync("/api/user/preferences")).OkAsync()).GetProperty("preferences");
        Assert.Equal(("en", "YYYY-MM-DD"), (read.Str("language"), read.Str("date_format")));
    }

    [Fact]
    public async Task A_mistyped_notification_value_is_a_400()
    {
        var (client, _) = await server.SignedInAsync();
        var response = await client.SendAsync(new HttpRequestMessage(HttpMethod.Put, "/api/user/preferences")
        {
            Content = new StringContent("""{"notifications":{"api_keys_revoked":"no"}}""", System.Text.Encoding.UTF8, "application/json"),
        });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await server.CreateClient().SendAsync(HttpMethod.Put, "/api/user/preferences", body: new { })).StatusCode);
    }
}
