using System.Net;
using Latchkey.Api.Tests.Infrastructure;
using Xunit;

namespace Latchkey.Api.Tests.Admin;

/// <summary>Runtime settings: validated, audited, and in force on the next request without a restart.</summary>
public sealed class AdminSettingsTests(AdminServer server) : IClassFixture<AdminServer>
{
    private const string EighteenChars = "velvet-Harbor-92-q";

    [Fact]
    public async Task Changing_the_password_minimum_changes_registration_at_once_and_null_restores_the_default()
    {
        var root = await server.RootAsync();
        var settings = (await (await root.GetAsync("/api/admin/settings")).OkAsync()).GetProperty("settings");
        Assert.Equal(8, settings.GetProperty("passwordMinLength").GetInt32());
        Assert.DoesNotContain("passwordMinLength", settings.GetProperty("overridden").EnumerateArray().Select(o => o.GetString()));
        await Register(EighteenChars, HttpStatusCode.Created);

        var changed = (await (await root.SendAsync(HttpMethod.Put, "/api/admin/settings", body: new { passwordMinLength = 20 })).OkAsync()).GetProperty("settings");
        Assert.Equal(20, changed.GetProperty("passwordMinLength").GetInt32());
        Assert.Contains("passwordMinLength", changed.GetProperty("overridden").EnumerateArray().Select(o => o.GetString()));
        var refused = await Register(EighteenChars, HttpStatusCode.BadRequest);
        Assert.Equal("weak_password", refused.Str("code"));

        var log = await (await root.GetAsync("/api/admin/activity?type=admin.settings_updated")).OkAsync();
        var rootId = (await root.MyIdAsync()).ToString();
        Assert.Contains(log.GetProperty("activities").EnumerateArray(), a =>
            a.Str("details") is { } d && d.Contains("passwordMinLength") && d.Contains("oldValue") && d.Contains(rootId));

        await (await root.SendAsync(HttpMethod.Put, "/api/admin/settings", body: new Dictionary<string, object?> { ["passwordMinLength"] = null })).OkAsync();
        await Register(EighteenChars, HttpStatusCode.Created);
    }

    [Fact]
    public async Task Bad_settings_are_refused_naming_the_field_and_nothing_is_saved()
    {
        var root = await server.RootAsync();
        var before = (await (await root.GetAsync("/api/admin/settings")).OkAsync()).GetProperty("settings").GetRawText();
        foreach (var (body, field) in new (object, string)[]
                 {
                     (new { passwordMinLength = 3, signUpEnabled = false }, "passwordMinLength"),
                     (new { lockoutThreshold = "five" }, "lockoutThreshold"),
                     (new { accentColor = "red;}body{display:none" }, "accentColor"),
                     (new { logoUrl = "http://insecure.example.com/logo.png" }, "logoUrl"),
                     (new { allowedRedirectUrls = new[] { "not a url" } }, "allowedRedirectUrls"),
                     (new { smtpPassword = "x" }, "smtpPassword"),
                     (new { passwordBreachCheck = true }, "passwordBreachCheck"),
                 })
        {
            var error = await (await root.SendAsync(HttpMethod.Put, "/api/admin/settings", body: body)).FailsAsync(HttpStatusCode.BadRequest, "validation_error");
            Assert.True(error.GetProperty("details").TryGetProperty(field, out _), field);
        }
        await (await root.SendAsync(HttpMethod.Put, "/api/admin/settings", body: new[] { 1, 2 })).FailsAsync(HttpStatusCode.BadRequest, "validation_error");
        Assert.Equal(before, (await (await root.GetAsync("/api/admin/settings")).OkAsync()).GetProperty("settings").GetRawText());
        await Register(Accounts.Password, HttpStatusCode.Created);
    }

    [Fact]
    public async Task Sign_up_can_be_closed_branding_follows_and_a_moderator_cannot_read_settings()
    {
        var root = await server.RootAsync();
        var (moderator, _, _) = await server.WithRoleAsync(root, "moderator");
        await (await moderator.GetAsync("/api/admin/settings")).FailsAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await moderator.SendAsync(HttpMethod.Put, "/api/admin/settings", body: new { signUpEnabled = false })).FailsAsync(HttpStatusCode.Forbidden, "forbidden");

        await (await root.SendAsync(HttpMethod.Put, "/api/admin/settings", body: new { signUpEnabled = false, accentColor = "#ff0066", productName = "Acme ID" })).OkAsync();
        Assert.Equal(HttpStatusCode.Forbidden, (await server.CreateClient().PostJsonAsync("/api/auth/register",
            new { email = Accounts.NewEmail(), password = Accounts.Password })).StatusCode);
        var page = await (await server.CreateClient().GetAsync("/login")).Content.ReadAsStringAsync();
        Assert.Contains("#ff0066", page);
        Assert.Contains("Acme ID", page);

        await (await root.SendAsync(HttpMethod.Put, "/api/admin/settings", body: new Dictionary<string, object?> { ["signUpEnabled"] = null })).OkAsync();
        await Register(Accounts.Password, HttpStatusCode.Created);
    }

    private async Task<System.Text.Json.JsonElement> Register(string password, HttpStatusCode expected)
    {
        var response = await server.CreateClient().PostJsonAsync("/api/auth/register", new { email = Accounts.NewEmail(), password, firstName = "Ada", lastName = "Lovelace" });
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"{(int)response.StatusCode}: {text}");
        return System.Text.Json.JsonDocument.Parse(text).RootElement.Clone();
    }
}
