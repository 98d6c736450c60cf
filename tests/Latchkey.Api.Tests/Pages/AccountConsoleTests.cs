using System.Net;
using System.Text;
using Latchkey.Api.Tests.Account;
using Latchkey.Api.Tests.Admin;
using Latchkey.Api.Tests.Infrastructure;
using Latchkey.Api.Tests.OAuth;
using Microsoft.EntityFrameworkCore;
using Xunit;
using static Latchkey.Api.Tests.Pages.ConsoleForms;
using static Latchkey.Api.Tests.Pages.PageForms;

namespace Latchkey.Api.Tests.Pages;

/// <summary>
/// The account console (<c>/account</c>) over HTTP, on both databases: only the browser session opens it, every form
/// needs its antiforgery token, sensitive changes ask for step-up exactly when the API does, and bad input is an
/// HTML 4xx that keeps what was typed and changes nothing.
/// </summary>
public sealed class AccountConsoleTests(AccountServer server) : IClassFixture<AccountServer>
{
    private static readonly TimeSpan PastStepUp = TimeSpan.FromMinutes(6);

    public static TheoryData<string> Sections =>
        ["/account", "/account/email", "/account/phone", "/account/password", "/account/two-factor", "/account/passkeys", "/account/sessions", "/account/connections", "/account/apps", "/account/api-keys",
            "/account/activity", "/account/data"];

    public static TheoryData<string> Posts =>
    [
        "/account", "/account/email", "/account/avatar", "/account/avatar/remove", "/account/phone/send-code", "/account/phone/verify", "/account/password", "/account/two-factor/setup", "/account/two-factor/confirm",
        "/account/two-factor/disable", "/account/two-factor/recovery-codes", "/account/passkeys/remove", "/account/passkeys/rename", "/account/passkeys/add", "/account/passkeys/create", "/account/sessions/revoke", "/account/sessions/revoke-others",
        "/account/connections/unlink", "/account/connections/link", "/account/apps/revoke", "/account/api-keys/create", "/account/api-keys/revoke", "/account/data/export", "/account/data/delete", "/account/elevate",
    ];

    [Theory]
    [MemberData(nameof(Sections))]
    public async Task A_visitor_without_a_session_is_sent_to_sign_in_and_back(string path)
    {
        var response = await server.CreateClient().GetAsync(path);
        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Equal($"/login?return_url={Uri.EscapeDataString(path)}", response.Headers.Location?.OriginalString);

        // A bearer token is not a browser session: the console stays closed to it.
        var client = server.CreateClient();
        var (access, _) = await client.SimpleLoginAsync(await client.RegisterAsync());
        Assert.Equal(HttpStatusCode.Found, (await server.CreateClient().GetAsync(path, access)).StatusCode);

        var (browser, email) = await server.SignedInAsync();
        var (page, html) = await GetAsync(browser, path);
        AssertPage(page, html, HttpStatusCode.OK);
        Assert.Contains("aria-current=\"page\"", html);
        Assert.Equal("DENY", page.Headers.GetValues("X-Frame-Options").Single());
        if (path == "/account") Assert.Contains(email, html);
    }

    [Theory]
    [MemberData(nameof(Posts))]
    public async Task Every_form_refuses_a_post_without_session_or_token(string path)
    {
        var anonymous = await server.CreateClient().PostAsync(path, Form("name=x"));
        Assert.Equal(HttpStatusCode.SeeOther, anonymous.StatusCode);
        Assert.StartsWith("/login?return_url=", anonymous.Headers.Location?.OriginalString);

        var (browser, _) = await server.SignedInAsync();
        await GetAsync(browser, "/account"); // the antiforgery cookie, but no token in the form
        var (refused, html) = (await browser.PostAsync(path, Form("name=x&password=" + Accounts.Password + "&confirm=yes")), "");
        html = await refused.Content.ReadAsStringAsync();
        AssertPage(refused, html, HttpStatusCode.BadRequest, "The form expired");

        var json = await browser.PostAsync(path, new StringContent("{}", Encoding.UTF8, "application/json"));
        AssertPage(json, await json.Content.ReadAsStringAsync(), HttpStatusCode.UnsupportedMediaType);
        var control = await browser.PostAsync(path, Form("name=a%00b"));
        AssertPage(control, await control.Content.ReadAsStringAsync(), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_token_from_another_browser_is_refused_and_nothing_changes()
    {
        var (victim, email) = await server.SignedInAsync();
        var (attacker, _) = await server.SignedInAsync();
        var fields = await HiddenFieldsAsync(attacker, "/account/data", "/account/data/delete");
        fields["password"] = Accounts.Password;
        fields["confirm"] = "yes";
        var response = await victim.PostAsync("/account/data/delete", new FormUrlEncodedContent(fields));
        AssertPage(response, await response.Content.ReadAsStringAsync(), HttpStatusCode.BadRequest, "The form expired");
        Assert.True(await server.QueryAsync(db => db.Users.AnyAsync(u => u.Email == email)));
    }

    [Fact]
    public async Task Bad_profile_input_is_shown_next_to_its_field_with_what_was_typed_and_changes_nothing()
    {
        var (browser, _) = await server.SignedInAsync();
        var (bad, html) = await SendFormAsync(browser, "/account", "/account",
            ("display_name", "Ada L"), ("website", "javascript:alert(1)"), ("bio", "kept <as> typed"));
        AssertPage(bad, html, HttpStatusCode.BadRequest, "website must be an http or https URL");
        Assert.Contains("aria-describedby=\"website-hint website-error\"", html);
        Assert.Contains("id=\"website-error\"", html);
        Assert.Contains("value=\"javascript:alert(1)\"", html);
        Assert.Contains("value=\"kept &lt;as&gt; typed\"", html);
        var profile = (await (await browser.GetAsync("/api/user/profile")).JsonAsync()).GetProperty("profile");
        Assert.Equal(System.Text.Json.JsonValueKind.Null, profile.GetProperty("bio").ValueKind);

        var (future, futureHtml) = await SendFormAsync(browser, "/account", "/account", ("date_of_birth", "2999-01-01"));
        AssertPage(future, futureHtml, HttpStatusCode.BadRequest, "date_of_birth must be in the past");

        var (saved, savedHtml) = await SendFormAsync(browser, "/account", "/account",
            ("display_name", "Ada L"), ("website", "https://ada.example"));
        AssertSeeOther(saved, "/account?done=profile", savedHtml);
        profile = (await (await browser.GetAsync("/api/user/profile")).JsonAsync()).GetProperty("profile");
        Assert.Equal("https://ada.example", profile.Str("website"));
        var (page, pageHtml) = await GetAsync(browser, "/account?done=profile");
        AssertPage(page, pageHtml, HttpStatusCode.OK, "Your profile was saved.");
    }

    [Fact]
    public async Task A_taken_username_is_a_409_on_its_field()
    {
        var (first, _) = await server.SignedInAsync();
        var name = "taken" + Guid.NewGuid().ToString("N")[..8];
        AssertSeeOther((await SendFormAsync(first, "/account", "/account", ("username", name))).Response, "/account?done=profile");
        var (second, _) = await server.SignedInAsync();
        var (taken, html) = await SendFormAsync(second, "/account", "/account", ("username", name.ToUpperInvariant()));
        AssertPage(taken, html, HttpStatusCode.Conflict, "That username is taken");
        Assert.Contains("id=\"username-error\"", html);
    }

    [Fact]
    public async Task An_avatar_that_is_not_an_image_is_refused_and_a_picture_is_stored()
    {
        var (browser, _) = await server.SignedInAsync();
        var (notImage, html) = await UploadAsync(browser, Encoding.UTF8.GetBytes("not an image at all"));
        AssertPage(notImage, html, HttpStatusCode.BadRequest);
        Assert.Contains("id=\"avatar-error\"", html);
        var (bomb, _) = await UploadAsync(browser, TestImages.PngBomb());
        Assert.Equal(HttpStatusCode.BadRequest, bomb.StatusCode);
        var (tooLarge, _) = await UploadAsync(browser, new byte[AccountServer.AvatarMaxBytes + 1]);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge.StatusCode);
        Assert.Equal(System.Text.Json.JsonValueKind.Null,
            (await (await browser.GetAsync("/api/user/profile")).JsonAsync()).GetProperty("profile").GetProperty("avatar_url").ValueKind);

        var (uploaded, uploadedHtml) = await UploadAsync(browser, TestImages.Png());
        AssertSeeOther(uploaded, "/account?done=avatar", uploadedHtml);
        Assert.Contains("/api/avatar/", (await (await browser.GetAsync("/api/user/profile")).JsonAsync()).GetProperty("profile").Str("avatar_url"));
        var (removed, _) = await SendFormAsync(browser, "/account", "/account/avatar/remove");
        AssertSeeOther(removed, "/account?done=avatar-removed");
        var (again, againHtml) = await UploadAsync(browser, [], "/account/avatar/remove");
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.Contains("no uploaded picture", againHtml);
    }

    private static async Task<(HttpResponseMessage, string)> UploadAsync(HttpClient browser, byte[] file, string action = "/account/avatar")
    {
        var fields = await HiddenFieldsAsync(browser, "/account", "/account/avatar");
        var form = new MultipartFormDataContent();
        foreach (var (name, value) in fields) form.Add(new StringContent(value), name);
        if (file.Length > 0) form.Add(new ByteArrayContent(file), "avatar", "picture.png");
        var response = await browser.PostAsync(action, form);
        return (response, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Creating_an_api_key_asks_for_step_up_when_the_api_does_and_the_secret_is_shown_once()
    {
        var (browser, _) = await server.SignedInAsync();
        var (fresh, freshHtml) = await SendFormAsync(browser, "/account/api-keys", "/account/api-keys/create", ("name", "fresh key"));
        AssertPage(fresh, freshHtml, HttpStatusCode.OK, "shown only this once");
        var secret = System.Text.RegularExpressions.Regex.Match(freshHtml, "id=\"new-api-key\">([^<]+)<").Groups[1].Value;
        Assert.StartsWith("sk_live_", secret);
        var (list, listHtml) = await GetAsync(browser, "/account/api-keys");
        AssertPage(list, listHtml, HttpStatusCode.OK, "fresh key");
        Assert.DoesNotContain(secret, listHtml);

        server.Clock.Advance(PastStepUp);
        var (stale, staleHtml) = await SendFormAsync(browser, "/account/api-keys", "/account/api-keys/create", ("name", "stale key"));
        AssertPage(stale, staleHtml, HttpStatusCode.Forbidden, "needs a recent sign-in");
        Assert.Equal(1, await server.QueryAsync(db => db.ApiKeys.CountAsync(k => k.Name == "fresh key" || k.Name == "stale key")));

        Assert.Contains("name=\"return_to\" value=\"/account/api-keys\"", staleHtml);
        var (wrong, wrongHtml) = await SendFormFromAsync(browser, staleHtml, "/account/elevate", ("password", "not-my-password-1"));
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Contains("role=\"alert\"", wrongHtml);
        var (open, _) = await SendFormFromAsync(browser, staleHtml, "/account/elevate", ("return_to", "https://evil.example/"), ("password", Accounts.Password));
        AssertSeeOther(open, "/account?done=elevated");
        var (elevated, _) = await SendFormFromAsync(browser, staleHtml, "/account/elevate", ("password", Accounts.Password));
        AssertSeeOther(elevated, "/account/api-keys?done=elevated");
        var (created, createdHtml) = await SendFormAsync(browser, "/account/api-keys", "/account/api-keys/create", ("name", "elevated key"));
        AssertPage(created, createdHtml, HttpStatusCode.OK, "shown only this once");

        var (tooLong, tooLongHtml) = await SendFormAsync(browser, "/account/api-keys", "/account/api-keys/create", ("name", new string('n', 101)));
        AssertPage(tooLong, tooLongHtml, HttpStatusCode.BadRequest);
        Assert.Contains("id=\"name-error\"", tooLongHtml);
        Assert.Contains(new string('n', 101), tooLongHtml);

        var (unknown, _) = await SendFormAsync(browser, "/account/api-keys", "/account/api-keys/revoke", ("key", "key_" + Guid.NewGuid().ToString("N")));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        var (revoked, _) = await SendFormAsync(browser, "/account/api-keys", "/account/api-keys/revoke");
        AssertSeeOther(revoked, "/account/api-keys?done=api-key");
        Assert.Equal(1, await server.QueryAsync(db => db.ApiKeys.CountAsync(k => k.Name == "fresh key" || k.Name == "elevated key")));
    }

    [Fact]
    public async Task A_console_key_can_be_limited_to_permissions_the_person_holds_and_its_scopes_are_listed()
    {
        var (plain, _) = await server.SignedInAsync();
        var (_, plainHtml) = await GetAsync(plain, "/account/api-keys");
        Assert.DoesNotContain("name=\"scopes\"", plainHtml);

        var (browser, email) = await server.SignedInAsync();
        await server.QueryAsync(db => db.Users.Where(u => u.Email == email).ExecuteUpdateAsync(u => u.SetProperty(x => x.Role, "moderator")));
        var (page, html) = await GetAsync(browser, "/account/api-keys");
        AssertPage(page, html, HttpStatusCode.OK);
        Assert.Contains("id=\"scope-users-read\"", html);
        Assert.DoesNotContain("id=\"scope-roles-manage\"", html);

        var (refused, refusedHtml) = await SendFormAsync(browser, "/account/api-keys", "/account/api-keys/create",
            ("name", "too wide"), ("limit", "true"), ("scopes", "roles:manage"));
        AssertPage(refused, refusedHtml, HttpStatusCode.BadRequest);
        Assert.Contains("id=\"scopes-error\"", refusedHtml);
        Assert.Equal(0, await server.QueryAsync(db => db.ApiKeys.CountAsync(k => k.Name == "too wide")));

        var (created, createdHtml) = await SendFormAsync(browser, "/account/api-keys", "/account/api-keys/create",
            ("name", "reader"), ("limit", "true"), ("scopes", "users:read"));
        AssertPage(created, createdHtml, HttpStatusCode.OK, "shown only this once");
        var (unlimited, _) = await SendFormAsync(browser, "/account/api-keys", "/account/api-keys/create", ("name", "whole role"), ("scopes", "users:read"));
        Assert.Equal(HttpStatusCode.OK, unlimited.StatusCode);
        Assert.Equal("users:read", await server.QueryAsync(db => db.ApiKeys.Where(k => k.Name == "reader").Select(k => k.Scopes).SingleAsync()));
        Assert.Null(await server.QueryAsync(db => db.ApiKeys.Where(k => k.Name == "whole role").Select(k => k.Scopes).SingleAsync()));
        var (_, listHtml) = await GetAsync(browser, "/account/api-keys");
        Assert.Contains("<td>users:read</td>", listHtml);
        Assert.Contains("<td>All of yours</td>", listHtml);
    }

    [Fact]
    public async Task The_email_change_mails_a_link_whose_page_makes_it_and_bad_input_is_refused_on_its_field()
    {
        var (browser, email) = await server.SignedInAsync();
        var (_, otherEmail) = await server.SignedInAsync();
        var (bad, badHtml) = await SendFormAsync(browser, "/account/email", "/account/email", ("new_email", "not-an-address"), ("password", Accounts.Password));
        AssertPage(bad, badHtml, HttpStatusCode.BadRequest);
        Assert.Contains("id=\"new_email-error\"", badHtml);
        Assert.Contains("value=\"not-an-address\"", badHtml);
        // Another account's address gets the same answer as a free one (the core tells no one which addresses exist).
        var (taken, _) = await SendFormAsync(browser, "/account/email", "/account/email", ("new_email", otherEmail), ("password", Accounts.Password));
        AssertSeeOther(taken, "/account/email?done=email");
        var next = Accounts.NewEmail("console-new");
        var (wrong, wrongHtml) = await SendFormAsync(browser, "/account/email", "/account/email", ("new_email", next), ("password", "wrong-password-1"));
        AssertPage(wrong, wrongHtml, HttpStatusCode.BadRequest);
        Assert.Contains("id=\"password-error\"", wrongHtml);

        var (sent, _) = await SendFormAsync(browser, "/account/email", "/account/email", ("new_email", next), ("password", Accounts.Password));
        AssertSeeOther(sent, "/account/email?done=email");
        var link = PathOf((await server.OutboxMailAsync(next)).Link);
        Assert.StartsWith("/verify-email-change?", link);
        var (changed, changedHtml) = await SubmitAsync(browser, link, "/verify-email-change");
        AssertPage(changed, changedHtml, HttpStatusCode.OK, "Your email address was changed");
        var (page, html) = await GetAsync(browser, "/account/email");
        AssertPage(page, html, HttpStatusCode.OK, next);
        Assert.DoesNotContain(email, html);
    }

    [Fact]
    public async Task The_password_changes_with_the_current_one_and_a_wrong_or_weak_one_is_refused()
    {
        var (browser, email) = await server.SignedInAsync();
        var (wrong, wrongHtml) = await SendFormAsync(browser, "/account/password", "/account/password",
            ("current_password", "not-my-password-1"), ("new_password", "amber-Quokka-47-silent-Meadow"));
        AssertPage(wrong, wrongHtml, HttpStatusCode.BadRequest);
        Assert.Contains("id=\"current_password-error\"", wrongHtml);
        var (weak, weakHtml) = await SendFormAsync(browser, "/account/password", "/account/password",
            ("current_password", Accounts.Password), ("new_password", "password"));
        AssertPage(weak, weakHtml, HttpStatusCode.BadRequest);
        Assert.Contains("id=\"new_password-error\"", weakHtml);
        await server.CreateClient().PlatformLoginAsync(email);

        const string next = "amber-Quokka-47-silent-Meadow";
        var (changed, _) = await SendFormAsync(browser, "/account/password", "/account/password", ("current_password", Accounts.Password), ("new_password", next));
        AssertSeeOther(changed, "/account/password?done=password");
        await server.CreateClient().PlatformLoginAsync(email, next);

        // Without the current password only within step-up, as POST /api/user/password.
        server.Clock.Advance(PastStepUp);
        var (stale, staleHtml) = await SendFormAsync(browser, "/account/password", "/account/password", ("new_password", "cobalt-Heron-58-gentle-Canyon"));
        AssertPage(stale, staleHtml, HttpStatusCode.Forbidden, "Confirm it is you");
        await server.CreateClient().PlatformLoginAsync(email, next);
    }

    [Fact]
    public async Task Totp_is_enrolled_with_its_qr_code_and_the_recovery_codes_are_shown_once()
    {
        var (browser, email) = await server.SignedInAsync();
        var (badMethod, badHtml) = await SendFormAsync(browser, "/account/two-factor", "/account/two-factor/setup", ("method", "pigeon"));
        AssertPage(badMethod, badHtml, HttpStatusCode.BadRequest, "method must be one of");

        var (setup, setupHtml) = await SendFormAsync(browser, "/account/two-factor", "/account/two-factor/setup", ("method", "totp"));
        AssertPage(setup, setupHtml, HttpStatusCode.OK);
        Assert.Contains("src=\"data:image/png;base64,", setupHtml);
        var key = TwoFactor.Base32Decode(System.Text.RegularExpressions.Regex.Match(setupHtml, "id=\"totp-secret\">([A-Z2-7]+)<").Groups[1].Value);

        var (wrong, wrongHtml) = await SendFormFromAsync(browser, setupHtml, "/account/two-factor/confirm", ("code", "000000"));
        AssertPage(wrong, wrongHtml, HttpStatusCode.BadRequest);
        Assert.Contains("value=\"000000\"", wrongHtml);
        Assert.Contains("id=\"code-error\"", wrongHtml);

        var (confirmed, codesHtml) = await SendFormFromAsync(browser, wrongHtml, "/account/two-factor/confirm", ("code", TwoFactor.Code(server, key)));
        AssertPage(confirmed, codesHtml, HttpStatusCode.OK, "They are shown only now");
        Assert.Equal(10, System.Text.RegularExpressions.Regex.Matches(codesHtml, "<li><code>").Count);
        var (status, statusHtml) = await GetAsync(browser, "/account/two-factor");
        AssertPage(status, statusHtml, HttpStatusCode.OK, "Two-factor authentication is on.");
        Assert.DoesNotContain("<li><code>", statusHtml);

        var token = await server.CreateClient().PasswordStepAsync(email);
        Assert.False(string.IsNullOrEmpty(token));

        var (noPassword, noPasswordHtml) = await SendFormAsync(browser, "/account/two-factor", "/account/two-factor/disable", ("method", "totp"), ("password", "wrong-password-1"));
        AssertPage(noPassword, noPasswordHtml, HttpStatusCode.BadRequest);
        Assert.Contains("id=\"password-error\"", noPasswordHtml);
        var (off, _) = await SendFormAsync(browser, "/account/two-factor", "/account/two-factor/disable", ("method", "totp"), ("password", Accounts.Password));
        AssertSeeOther(off, "/account/two-factor?done=two-factor-off");
    }

    [Fact]
    public async Task Another_session_is_revoked_and_this_one_is_not_offered()
    {
        var (browser, email) = await server.SignedInAsync();
        var other = server.CreateClient();
        await other.PlatformLoginAsync(email);
        var listed = (await (await other.GetAsync("/api/user/sessions")).JsonAsync()).GetProperty("sessions").EnumerateArray();
        var otherSession = listed.Single(s => s.GetProperty("isCurrent").GetBoolean()).Str("id");
        var (page, html) = await GetAsync(browser, "/account/sessions");
        AssertPage(page, html, HttpStatusCode.OK, "(this device)");
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(html, "name=\"session\""));

        var (mine, _) = await SendFormAsync(browser, "/account/sessions", "/account/sessions/revoke", ("session", Guid.NewGuid().ToString()));
        Assert.Equal(HttpStatusCode.NotFound, mine.StatusCode);
        var (revoked, _) = await SendFormAsync(browser, "/account/sessions", "/account/sessions/revoke", ("session", otherSession));
        AssertSeeOther(revoked, "/account/sessions?done=session");
        Assert.Equal(HttpStatusCode.Unauthorized, (await other.GetAsync("/api/auth/me")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/api/auth/me")).StatusCode);
    }

    [Fact]
    public async Task A_passkey_is_listed_and_removed_and_one_of_another_account_is_not_found()
    {
        var (browser, email) = await server.SignedInAsync();
        using var authenticator = new SoftwareAuthenticator();
        Assert.Equal(HttpStatusCode.Created, (await browser.RegisterPasskeyAsync(authenticator, "Work laptop")).StatusCode);
        var (other, otherEmail) = await server.SignedInAsync();
        using var otherAuthenticator = new SoftwareAuthenticator();
        await other.RegisterPasskeyAsync(otherAuthenticator, "Not yours");
        var (_, otherHtml) = await GetAsync(other, "/account/passkeys");
        var othersId = System.Text.RegularExpressions.Regex.Match(otherHtml, "name=\"credential_id\" value=\"([^\"]+)\"").Groups[1].Value;

        var (page, html) = await GetAsync(browser, "/account/passkeys");
        AssertPage(page, html, HttpStatusCode.OK, "Work laptop");
        Assert.DoesNotContain("Not yours", html);
        foreach (var (id, status) in new[] { (othersId, HttpStatusCode.NotFound), ("not base64url!", HttpStatusCode.BadRequest) })
        {
            var (refused, refusedHtml) = await SendFormAsync(browser, "/account/passkeys", "/account/passkeys/remove", ("credential_id", id));
            AssertPage(refused, refusedHtml, status);
        }
        Assert.Equal(2, await PasskeysOfAsync(email, otherEmail));

        var (removed, removedHtml) = await SendFormAsync(browser, "/account/passkeys", "/account/passkeys/remove");
        AssertSeeOther(removed, "/account/passkeys?done=passkey", removedHtml);
        var (after, afterHtml) = await GetAsync(browser, "/account/passkeys?done=passkey");
        AssertPage(after, afterHtml, HttpStatusCode.OK, "No passkey signs in to your account");
        Assert.Equal(1, await PasskeysOfAsync(email, otherEmail));
        Assert.Equal(0, await PasskeysOfAsync(email));
    }

    private Task<int> PasskeysOfAsync(params string[] emails) =>
        server.QueryAsync(db => db.Passkeys.CountAsync(p => db.Users.Any(u => u.Id == p.UserId && emails.Contains(u.Email))));

    [Fact]
    public async Task An_administrator_impersonating_cannot_change_credentials_contacts_keys_or_delete_the_account()
    {
        var root = await server.AdminAsync();
        var (_, userId, _) = await server.WithRoleAsync(root, "user");
        Assert.Equal(HttpStatusCode.OK, (await root.PostJsonAsync("/api/admin/impersonate", new { userId, reason = "support ticket 42" })).StatusCode);

        var fields = await HiddenFieldsAsync(root, "/account/phone", "/account/phone/send-code");
        fields["phone_number"] = "+14155550123";
        fields["code"] = "123456";
        fields["provider"] = "github";
        fields["confirm"] = "yes";
        fields["credential_id"] = "AAAA";
        foreach (var path in new[]
        {
            "/account/phone/send-code", "/account/phone/verify", "/account/connections/unlink", "/account/connections/link", "/account/passkeys/remove",
            "/account/passkeys/rename", "/account/passkeys/add", "/account/passkeys/create",
            "/account/password", "/account/email", "/account/two-factor/setup", "/account/two-factor/confirm", "/account/two-factor/disable",
            "/account/two-factor/recovery-codes", "/account/api-keys/create", "/account/api-keys/revoke", "/account/elevate", "/account/data/delete",
        })
        {
            var refused = await root.PostAsync(path, new FormUrlEncodedContent(fields));
            AssertPage(refused, await refused.Content.ReadAsStringAsync(), HttpStatusCode.Forbidden, "Not allowed while impersonating");
        }
        Assert.False(await server.QueryAsync(db => db.VerificationTickets.AnyAsync(t => t.UserId == userId && t.Target == "+14155550123")));
    }

    [Fact]
    public async Task An_app_consent_is_revoked_with_its_tokens()
    {
        var oauthClient = await server.CreateClientAsync(firstParty: false);
        var (browser, _) = await server.SignedInBrowserAsync();
        var pkce = Pkce.New();
        var consent = await browser.AuthorizeAsync(OAuthFlows.AuthorizeUrl(oauthClient, pkce));
        var (_, consentHtml) = await GetAsync(browser, consent.OriginalString);
        var approved = await browser.PostFormAsync("/api/oauth/authorize/consent", OAuthFlows.FormFields(consentHtml).Append(new("decision", "approve")));
        var code = approved.Headers.Location!.Query()["code"];
        var tokens = await (await server.ExchangeAsync(oauthClient, code, pkce)).OkJsonAsync();
        var (page, html) = await GetAsync(browser, "/account/apps");
        AssertPage(page, html, HttpStatusCode.OK, "Test app");

        var (unknown, _) = await SendFormAsync(browser, "/account/apps", "/account/apps/revoke", ("client_id", "no-such-client"));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        var (revoked, _) = await SendFormAsync(browser, "/account/apps", "/account/apps/revoke");
        AssertSeeOther(revoked, "/account/apps?done=app");
        var refresh = await server.TokenAsync(oauthClient, ("grant_type", "refresh_token"), ("refresh_token", tokens.Str("refresh_token")));
        Assert.Equal(HttpStatusCode.BadRequest, refresh.StatusCode);
        var (after, afterHtml) = await GetAsync(browser, "/account/apps");
        AssertPage(after, afterHtml, HttpStatusCode.OK, "No application has access");
    }

    [Fact]
    public async Task The_export_downloads_and_deletion_needs_the_password_and_the_box()
    {
        var (browser, email) = await server.SignedInAsync();
        var (export, json) = await SendFormAsync(browser, "/account/data", "/account/data/export");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.StartsWith("attachment;", export.Content.Headers.ContentDisposition?.ToString());
        Assert.Contains("latchkey.account-export/1", json);
        Assert.Contains(email, json);

        var (unticked, untickedHtml) = await SendFormAsync(browser, "/account/data", "/account/data/delete", ("password", Accounts.Password));
        AssertPage(unticked, untickedHtml, HttpStatusCode.BadRequest, "Tick the box");
        var (wrong, wrongHtml) = await SendFormAsync(browser, "/account/data", "/account/data/delete", ("password", "wrong-password-1"), ("confirm", "yes"));
        AssertPage(wrong, wrongHtml, HttpStatusCode.BadRequest);
        Assert.Contains("id=\"password-error\"", wrongHtml);
        Assert.True(await server.QueryAsync(db => db.Users.AnyAsync(u => u.Email == email)));

        var (deleted, deletedHtml) = await SendFormAsync(browser, "/account/data", "/account/data/delete", ("password", Accounts.Password), ("confirm", "yes"));
        AssertPage(deleted, deletedHtml, HttpStatusCode.OK, "Your account was deleted");
        Assert.False(await server.QueryAsync(db => db.Users.AnyAsync(u => u.Email == email)));
        var after = await browser.GetAsync("/account");
        Assert.Equal(HttpStatusCode.Found, after.StatusCode);
    }

    private static StringContent Form(string body) => new(body, Encoding.UTF8, "application/x-www-form-urlencoded");
}
