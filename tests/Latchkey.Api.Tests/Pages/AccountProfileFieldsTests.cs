using System.Net;
using Latchkey.Api.Tests.Account;
using Latchkey.Api.Tests.Infrastructure;
using Xunit;
using static Latchkey.Api.Tests.Pages.ConsoleForms;
using static Latchkey.Api.Tests.Pages.PageForms;

namespace Latchkey.Api.Tests.Pages;

/// <summary>
/// The address, social links and preferences of <c>/account</c> over HTTP, on both databases: saved through the API's
/// own core (read back from <c>/api/user/profile</c> and <c>/api/user/preferences</c>), and each refusal said under
/// its field with what was typed, nothing changed.
/// </summary>
public sealed class AccountProfileFieldsTests(AccountServer server) : IClassFixture<AccountServer>
{
    [Fact]
    public async Task The_address_and_social_links_are_saved_through_the_profile_core_and_refused_by_the_field()
    {
        var (browser, _) = await server.SignedInAsync();
        var (bad, badHtml) = await SendFormAsync(browser, "/account", "/account",
            ("address.locality", "London"), ("address.postal_code", new string('9', 21)),
            ("social_name_0", "github"), ("social_url_0", "ftp://ada.example"));
        AssertPage(bad, badHtml, HttpStatusCode.BadRequest);
        Assert.Contains("id=\"address.postal_code-error\"", badHtml);
        Assert.Contains("value=\"London\"", badHtml);
        var stored = (await (await browser.GetAsync("/api/user/profile")).JsonAsync()).GetProperty("profile");
        Assert.Equal(System.Text.Json.JsonValueKind.Null, stored.GetProperty("address").ValueKind);

        var (badLink, badLinkHtml) = await SendFormAsync(browser, "/account", "/account", ("social_name_0", "github"), ("social_url_0", "ftp://ada.example"));
        AssertPage(badLink, badLinkHtml, HttpStatusCode.BadRequest);
        Assert.Contains("id=\"social_url_0-error\"", badLinkHtml);
        var (twice, twiceHtml) = await SendFormAsync(browser, "/account", "/account",
            ("social_name_0", "github"), ("social_url_0", "https://github.com/ada"), ("social_name_1", "github"), ("social_url_1", "https://github.com/b"));
        AssertPage(twice, twiceHtml, HttpStatusCode.BadRequest, "listed twice");
        Assert.Contains("id=\"social_links-error\"", twiceHtml);
        var (badName, badNameHtml) = await SendFormAsync(browser, "/account", "/account", ("social_name_0", "Git Hub"), ("social_url_0", "https://github.com/ada"));
        AssertPage(badName, badNameHtml, HttpStatusCode.BadRequest, "social_links names must be");

        var (saved, savedHtml) = await SendFormAsync(browser, "/account", "/account",
            ("address.street_address", "12 St James's Square"), ("address.locality", "London"), ("address.postal_code", "SW1Y 4LB"), ("address.country", "GB"),
            ("social_name_0", "github"), ("social_url_0", "https://github.com/ada"), ("social_name_1", "mastodon"), ("social_url_1", "https://mastodon.social/@ada"));
        AssertSeeOther(saved, "/account?done=profile", savedHtml);
        stored = (await (await browser.GetAsync("/api/user/profile")).JsonAsync()).GetProperty("profile");
        Assert.Equal("London", stored.GetProperty("address").Str("locality"));
        Assert.Equal("GB", stored.GetProperty("address").Str("country"));
        Assert.Equal("https://mastodon.social/@ada", stored.GetProperty("social_links").Str("mastodon"));

        // The page shows what is stored, with blank rows to add more; emptying a row removes its link.
        var (page, html) = await GetAsync(browser, "/account");
        AssertPage(page, html, HttpStatusCode.OK, "value=\"SW1Y 4LB\"");
        Assert.Contains("id=\"social_name_3\"", html);
        var (trimmed, _) = await SendFormAsync(browser, "/account", "/account", ("social_name_0", ""), ("social_url_0", ""));
        AssertSeeOther(trimmed, "/account?done=profile");
        stored = (await (await browser.GetAsync("/api/user/profile")).JsonAsync()).GetProperty("profile");
        var links = stored.GetProperty("social_links"); // every row posted empty: no link left
        Assert.True(links.ValueKind == System.Text.Json.JsonValueKind.Null || !links.EnumerateObject().Any(), links.GetRawText());
    }

    [Fact]
    public async Task The_preferences_are_saved_through_the_preferences_core_and_refused_by_the_field()
    {
        var (browser, _) = await server.SignedInAsync();
        var (bad, badHtml) = await SendFormAsync(browser, "/account", "/account/preferences",
            ("language", "en"), ("timezone", "Mars/Olympus"), ("date_format", "DD/MM/YYYY"));
        AssertPage(bad, badHtml, HttpStatusCode.BadRequest);
        Assert.Contains("id=\"timezone-error\"", badHtml);
        Assert.Contains("value=\"Mars/Olympus\"", badHtml);
        var (format, formatHtml) = await SendFormAsync(browser, "/account", "/account/preferences", ("date_format", "YY"));
        AssertPage(format, formatHtml, HttpStatusCode.BadRequest);
        Assert.Contains("id=\"date_format-error\"", formatHtml);
        var (language, languageHtml) = await SendFormAsync(browser, "/account", "/account/preferences", ("language", "xx"));
        AssertPage(language, languageHtml, HttpStatusCode.BadRequest);
        Assert.Contains("id=\"language-error\"", languageHtml);
        var unchanged = (await (await browser.GetAsync("/api/user/preferences")).JsonAsync()).GetProperty("preferences");
        Assert.NotEqual("Mars/Olympus", unchanged.GetProperty("timezone").ToString());

        // The notice box is not ticked: the person turns that security email off.
        var (saved, savedHtml) = await SendFormAsync(browser, "/account", "/account/preferences",
            ("language", "en"), ("timezone", "Europe/Paris"), ("date_format", "DD/MM/YYYY"));
        AssertSeeOther(saved, "/account?done=preferences", savedHtml);
        var prefs = (await (await browser.GetAsync("/api/user/preferences")).JsonAsync()).GetProperty("preferences");
        Assert.Equal("Europe/Paris", prefs.Str("timezone"));
        Assert.Equal("DD/MM/YYYY", prefs.Str("date_format"));
        Assert.False(prefs.GetProperty("notifications").GetProperty("api_keys_revoked").GetBoolean());

        var (page, html) = await GetAsync(browser, "/account?done=preferences");
        AssertPage(page, html, HttpStatusCode.OK, "Your preferences were saved.");
        Assert.Contains("<option value=\"DD/MM/YYYY\" selected", html);
        var (again, _) = await SendFormAsync(browser, "/account", "/account/preferences", ("api_keys_revoked", "on"), ("timezone", "Europe/Paris"));
        AssertSeeOther(again, "/account?done=preferences");
        prefs = (await (await browser.GetAsync("/api/user/preferences")).JsonAsync()).GetProperty("preferences");
        Assert.True(prefs.GetProperty("notifications").GetProperty("api_keys_revoked").GetBoolean());
        Assert.Equal("Europe/Paris", prefs.Str("timezone"));
    }
}
