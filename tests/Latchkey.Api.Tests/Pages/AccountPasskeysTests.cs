using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Latchkey.Api.Tests.Account;
using Latchkey.Api.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Xunit;
using static Latchkey.Api.Tests.Pages.ConsoleForms;
using static Latchkey.Api.Tests.Pages.PageForms;

namespace Latchkey.Api.Tests.Pages;

/// <summary>
/// Adding and renaming a passkey from <c>/account/passkeys</c> over HTTP, on both databases: the options come from the
/// same ceremony as the API (step-up when the API asks for it), the attestation comes back in a form, and a bad name
/// or a forged attestation is a 4xx on the page with nothing stored.
/// </summary>
public sealed partial class AccountPasskeysTests(AccountServer server) : IClassFixture<AccountServer>
{
    [Fact]
    public async Task A_passkey_is_added_with_the_browser_ceremony_renamed_and_signs_in()
    {
        var (browser, email) = await server.SignedInAsync();
        var (badName, badNameHtml) = await SendFormAsync(browser, "/account/passkeys", "/account/passkeys/add", ("name", new string('n', 101)));
        AssertPage(badName, badNameHtml, HttpStatusCode.BadRequest);
        Assert.Contains("id=\"name-error\"", badNameHtml);
        Assert.False(await ChallengesExistAsync(email));

        var (page, html) = await SendFormAsync(browser, "/account/passkeys", "/account/passkeys/add", ("name", "Phone"));
        AssertPage(page, html, HttpStatusCode.OK, "Adding a passkey needs JavaScript");
        Assert.Contains("src=\"/account/passkey.js\"", html);
        Assert.Contains("script-src 'nonce-", page.Headers.GetValues("Content-Security-Policy").Single());
        var options = JsonDocument.Parse(WebUtility.HtmlDecode(OptionsAttribute().Match(html).Groups[1].Value)).RootElement;
        Assert.Equal(email, options.GetProperty("user").GetProperty("name").GetString());

        using var authenticator = new SoftwareAuthenticator();
        var credential = JsonSerializer.Serialize(authenticator.Create(options));
        using var elsewhere = new SoftwareAuthenticator(origin: "http://evil.example");
        var (forged, forgedHtml) = await SendFormFromAsync(browser, html, "/account/passkeys/create", ("credential", JsonSerializer.Serialize(elsewhere.Create(options))));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Contains("role=\"alert\"", forgedHtml);
        var (replayed, _) = await SendFormFromAsync(browser, html, "/account/passkeys/create", ("credential", credential));
        Assert.Equal(HttpStatusCode.BadRequest, replayed.StatusCode); // the refused try spent the challenge
        Assert.Equal(0, await PasskeyCountAsync(email));

        (page, html) = await SendFormAsync(browser, "/account/passkeys", "/account/passkeys/add", ("name", "Phone"));
        options = JsonDocument.Parse(WebUtility.HtmlDecode(OptionsAttribute().Match(html).Groups[1].Value)).RootElement;
        var (added, addedHtml) = await SendFormFromAsync(browser, html, "/account/passkeys/create", ("credential", JsonSerializer.Serialize(authenticator.Create(options))));
        AssertSeeOther(added, "/account/passkeys?done=passkey-added", addedHtml);
        var (list, listHtml) = await GetAsync(browser, "/account/passkeys?done=passkey-added");
        AssertPage(list, listHtml, HttpStatusCode.OK, "The passkey was added");
        Assert.Contains("<td>Phone</td>", listHtml);

        var (tooLong, tooLongHtml) = await SendFormAsync(browser, "/account/passkeys", "/account/passkeys/rename", ("name", new string('n', 101)));
        AssertPage(tooLong, tooLongHtml, HttpStatusCode.BadRequest);
        Assert.Contains($"id=\"rename-{authenticator.CredentialIdText}-error\"", tooLongHtml);
        var (empty, _) = await SendFormAsync(browser, "/account/passkeys", "/account/passkeys/rename", ("name", "  "));
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        var (unknown, _) = await SendFormAsync(browser, "/account/passkeys", "/account/passkeys/rename", ("credential_id", "AAAAAAAAAAAAAAAAAAAAAA"), ("name", "x"));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        var (renamed, renamedHtml) = await SendFormAsync(browser, "/account/passkeys", "/account/passkeys/rename", ("name", " Work phone "));
        AssertSeeOther(renamed, "/account/passkeys?done=passkey-renamed", renamedHtml);
        Assert.Equal("Work phone", (await browser.PasskeyListAsync())[0].Str("deviceName"));
        Assert.Contains(await ActivityTypesAsync(email), t => t == "passkey.renamed");

        var signIn = server.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await signIn.PasskeySignInAsync(authenticator)).StatusCode);
    }

    [Fact]
    public async Task Adding_a_passkey_asks_for_step_up_when_the_api_does()
    {
        var (browser, email) = await server.SignedInAsync();
        server.Clock.Advance(TimeSpan.FromMinutes(6));
        var (stale, staleHtml) = await SendFormAsync(browser, "/account/passkeys", "/account/passkeys/add", ("name", "Key"));
        AssertPage(stale, staleHtml, HttpStatusCode.Forbidden, "needs a recent sign-in");
        Assert.Contains("name=\"return_to\" value=\"/account/passkeys\"", staleHtml);
        Assert.False(await ChallengesExistAsync(email));
        var (elevated, _) = await SendFormFromAsync(browser, staleHtml, "/account/elevate", ("password", Accounts.Password));
        AssertSeeOther(elevated, "/account/passkeys?done=elevated");
        var (page, html) = await SendFormAsync(browser, "/account/passkeys", "/account/passkeys/add", ("name", "Key"));
        AssertPage(page, html, HttpStatusCode.OK, "Create the passkey");
    }

    private Task<int> PasskeyCountAsync(string email) =>
        server.QueryAsync(db => db.Passkeys.CountAsync(p => db.Users.Any(u => u.Id == p.UserId && u.Email == email)));

    private Task<bool> ChallengesExistAsync(string email) =>
        server.QueryAsync(db => db.AuthChallenges.AnyAsync(c => db.Users.Any(u => u.Id == c.UserId && u.Email == email)));

    private Task<List<string>> ActivityTypesAsync(string email) =>
        server.QueryAsync(db => db.Activity.Where(a => db.Users.Any(u => u.Id == a.UserId && u.Email == email)).Select(a => a.Type).ToListAsync());

    [GeneratedRegex("data-options=\"([^\"]+)\"")]
    private static partial Regex OptionsAttribute();
}
