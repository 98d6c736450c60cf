using System.Net;
using System.Text;
using Latchkey.Api.Tests.Infrastructure;
using Xunit;
using static Latchkey.Api.Tests.Pages.PageForms;

namespace Latchkey.Api.Tests.Admin;

/// <summary>
/// The admin console's pages and forms over HTTP (issue 18), on both databases: who is let in, the antiforgery
/// token and the explicit confirmation every action needs, bad input answered on the page by its field with
/// nothing changed, and each change recorded with the acting administrator.
/// </summary>
public sealed class AdminConsoleTests(AdminServer server) : IClassFixture<AdminServer>
{
    private async Task<HttpClient> RootBrowserAsync() => await server.RootAsync();

    [Fact]
    public async Task Without_a_session_the_console_sends_to_the_sign_in_page_and_comes_back()
    {
        var anonymous = server.CreateClient();
        var page = await anonymous.GetAsync("/admin/users?search=ada");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Equal("/login?return_url=%2Fadmin%2Fusers%3Fsearch%3Dada", page.Headers.Location!.OriginalString);
        var post = await anonymous.PostAsync($"/admin/users/{Guid.NewGuid()}/lock", Form("confirm=yes"));
        Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
    }

    [Fact]
    public async Task A_user_is_refused_the_console_and_a_moderator_sees_only_what_it_may_use()
    {
        var root = await RootBrowserAsync();
        var (plain, _, _) = await server.WithRoleAsync(root, "user");
        var (moderator, _, _) = await server.WithRoleAsync(root, "moderator");
        var (_, targetId, _) = await server.WithRoleAsync(root, "user");

        var (refused, refusedHtml) = await GetAsync(plain, "/admin");
        AssertPage(refused, refusedHtml, HttpStatusCode.Forbidden, "Your role grants no administrative permission.");
        var (usersRefused, usersHtml) = await GetAsync(plain, "/admin/users");
        AssertPage(usersRefused, usersHtml, HttpStatusCode.Forbidden, "users:read");

        var (dashboard, dashboardHtml) = await GetAsync(moderator, "/admin");
        AssertPage(dashboard, dashboardHtml, HttpStatusCode.OK, "href=\"/admin/users\"");
        Assert.DoesNotContain("id=\"stats\"", dashboardHtml);
        var (user, userHtml) = await GetAsync(moderator, $"/admin/users/{targetId}");
        AssertPage(user, userHtml, HttpStatusCode.OK, "id=\"action-lock\"");
        Assert.DoesNotContain("id=\"action-delete\"", userHtml);
        Assert.DoesNotContain("id=\"action-impersonate\"", userHtml);

        var (deletePage, deleteHtml) = await GetAsync(moderator, $"/admin/users/{targetId}/delete");
        AssertPage(deletePage, deleteHtml, HttpStatusCode.Forbidden, "users:delete");
        // The POST checks its own permission: a token from a page it may open does not help.
        var (lockPage, lockHtml) = await GetAsync(moderator, $"/admin/users/{targetId}/lock");
        AssertPage(lockPage, lockHtml, HttpStatusCode.OK);
        var fields = OAuth.OAuthFlows.FormFields(lockHtml);
        fields["confirm"] = "yes";
        var deleted = await moderator.PostAsync($"/admin/users/{targetId}/delete", new FormUrlEncodedContent(fields));
        AssertPage(deleted, await deleted.Content.ReadAsStringAsync(), HttpStatusCode.Forbidden);
        await (await root.GetAsync($"/api/admin/users/{targetId}")).OkAsync();

        var (locked, _) = await SubmitAsync(moderator, $"/admin/users/{targetId}/lock", $"/admin/users/{targetId}/lock", ("confirm", "yes"));
        Assert.Equal(HttpStatusCode.Redirect, locked.StatusCode);
        Assert.Equal("locked", (await (await root.GetAsync($"/api/admin/users/{targetId}")).OkAsync()).GetProperty("user").Str("status"));
    }

    [Fact]
    public async Task A_post_without_the_antiforgery_token_or_the_confirmation_changes_nothing()
    {
        var root = await RootBrowserAsync();
        var (_, targetId, _) = await server.WithRoleAsync(root, "user");

        var forged = await root.PostAsync($"/admin/users/{targetId}/lock", Form("confirm=yes"));
        AssertPage(forged, await forged.Content.ReadAsStringAsync(), HttpStatusCode.BadRequest, "The form expired");
        var json = await root.PostAsync($"/admin/users/{targetId}/lock", new StringContent("{\"confirm\":\"yes\"}", Encoding.UTF8, "application/json"));
        AssertPage(json, await json.Content.ReadAsStringAsync(), HttpStatusCode.UnsupportedMediaType);

        var (unconfirmed, unconfirmedHtml) = await SubmitAsync(root, $"/admin/users/{targetId}/lock", $"/admin/users/{targetId}/lock");
        AssertPage(unconfirmed, unconfirmedHtml, HttpStatusCode.BadRequest, "Tick the box to confirm");
        Assert.Contains("id=\"confirm-error\"", unconfirmedHtml);
        Assert.NotEqual("locked", (await (await root.GetAsync($"/api/admin/users/{targetId}")).OkAsync()).GetProperty("user").Str("status"));

        var (done, _) = await SubmitAsync(root, $"/admin/users/{targetId}/lock", $"/admin/users/{targetId}/lock", ("confirm", "yes"));
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.Equal($"/admin/users/{targetId}?done=lock", done.Headers.Location!.OriginalString);
        var adminId = await root.MyIdAsync();
        var activity = await (await root.GetAsync($"/api/admin/activity?userId={targetId}&type=admin.user_updated")).OkAsync();
        Assert.Contains(activity.GetProperty("activities").EnumerateArray(), a => System.Text.Json.JsonDocument.Parse(a.Str("details")).RootElement.GetProperty("actorId").GetGuid() == adminId);
        var (page, pageHtml) = await GetAsync(root, $"/admin/users/{targetId}?done=lock");
        AssertPage(page, pageHtml, HttpStatusCode.OK, "Lock: done.");
        Assert.Contains("id=\"action-unlock\"", pageHtml);
    }

    [Fact]
    public async Task Bad_input_is_answered_on_the_page_by_its_field_and_keeps_what_was_typed()
    {
        var root = await RootBrowserAsync();
        var (_, targetId, _) = await server.WithRoleAsync(root, "user");

        var (role, roleHtml) = await SubmitAsync(root, $"/admin/users/{targetId}/role", $"/admin/users/{targetId}/role", ("confirm", "yes"), ("role", "no-such-role"));
        AssertPage(role, roleHtml, HttpStatusCode.BadRequest, "No role named 'no-such-role'");
        Assert.Contains("id=\"role-error\"", roleHtml);
        var (reason, reasonHtml) = await SubmitAsync(root, $"/admin/users/{targetId}/impersonate", $"/admin/users/{targetId}/impersonate",
            ("confirm", "yes"), ("reason", "  "));
        AssertPage(reason, reasonHtml, HttpStatusCode.BadRequest, "reason is required");
        Assert.Contains("id=\"reason-error\"", reasonHtml);
        var (self, selfHtml) = await SubmitAsync(root, $"/admin/users/{await root.MyIdAsync()}/lock", $"/admin/users/{await root.MyIdAsync()}/lock", ("confirm", "yes"));
        AssertPage(self, selfHtml, HttpStatusCode.Conflict);
        Assert.Equal("user", (await (await root.GetAsync($"/api/admin/users/{targetId}")).OkAsync()).GetProperty("user").Str("role"));

        var (status, statusHtml) = await GetAsync(root, "/admin/users?status=sleeping&search=kept-text");
        AssertPage(status, statusHtml, HttpStatusCode.BadRequest, "status must be one of");
        Assert.Contains("value=\"kept-text\"", statusHtml);
        var (date, dateHtml) = await GetAsync(root, "/admin/users?createdFrom=yesterday");
        AssertPage(date, dateHtml, HttpStatusCode.BadRequest, "Created from must be a date");
        var (pageZero, pageZeroHtml) = await GetAsync(root, "/admin/users?page=0");
        AssertPage(pageZero, pageZeroHtml, HttpStatusCode.BadRequest, "page must be at least 1");
        var (action, actionHtml) = await GetAsync(root, $"/admin/users/{targetId}/explode");
        AssertPage(action, actionHtml, HttpStatusCode.NotFound);
        var (missing, missingHtml) = await GetAsync(root, $"/admin/users/{Guid.NewGuid()}");
        AssertPage(missing, missingHtml, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_user_list_shows_one_page_of_what_the_search_finds()
    {
        var root = await RootBrowserAsync();
        var prefix = $"console-{Guid.NewGuid():N}"[..20];
        for (var i = 0; i < 23; i++) await server.CreateClient().RegisterAsync($"{prefix}-{i:00}@example.com");

        var (first, firstHtml) = await GetAsync(root, $"/admin/users?search={prefix}&sort=email&order=asc");
        AssertPage(first, firstHtml, HttpStatusCode.OK, "23 accounts found, page 1 of 2.");
        Assert.Equal(20, CountOf(firstHtml, $">{prefix}-"));
        Assert.Contains($"{prefix}-00@example.com", firstHtml);
        Assert.Contains("id=\"next-page\"", firstHtml);
        var (second, secondHtml) = await GetAsync(root, $"/admin/users?search={prefix}&sort=email&order=asc&page=2");
        AssertPage(second, secondHtml, HttpStatusCode.OK, "page 2 of 2");
        Assert.Equal(3, CountOf(secondHtml, $">{prefix}-"));
        Assert.Contains($"{prefix}-22@example.com", secondHtml);
    }

    [Fact]
    public async Task The_dashboard_shows_the_stats_and_a_chart_per_series_with_text()
    {
        var root = await RootBrowserAsync();
        var (page, html) = await GetAsync(root, "/admin");
        AssertPage(page, html, HttpStatusCode.OK, "id=\"stats\"");
        foreach (var id in new[] { "registrations", "sign-ins", "failures", "active-users", "two-factor" })
            Assert.Contains($"<desc id=\"{id}-desc\">", html);
        Assert.Contains("aria-current=\"page\"", html);
    }

    [Fact]
    public async Task Impersonating_from_the_console_shows_the_banner_and_stopping_returns_to_the_account()
    {
        var root = await RootBrowserAsync();
        var (_, targetId, email) = await server.WithRoleAsync(root, "user");
        var (started, _) = await SubmitAsync(root, $"/admin/users/{targetId}/impersonate", $"/admin/users/{targetId}/impersonate",
            ("confirm", "yes"), ("reason", "ticket 42"));
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        Assert.Equal(email, (await (await root.GetAsync("/api/auth/me")).OkAsync()).GetProperty("user").Str("email"));

        var (banner, bannerHtml) = await GetAsync(root, "/admin/users");
        AssertPage(banner, bannerHtml, HttpStatusCode.OK, $"id=\"impersonated-email\">{email}</strong>");
        var (stopped, _) = await SubmitAsync(root, "/admin", "/admin/impersonation/stop");
        Assert.Equal(HttpStatusCode.Redirect, stopped.StatusCode);
        Assert.Equal($"/admin/users/{targetId}", stopped.Headers.Location!.OriginalString);
        Assert.Equal(AdminServer.AdminEmail, (await (await root.GetAsync("/api/auth/me")).OkAsync()).GetProperty("user").Str("email"));
    }

    [Fact]
    public async Task Roles_are_created_changed_and_deleted_from_the_console_with_bad_input_shown_by_its_field()
    {
        var root = await RootBrowserAsync();
        var name = $"support-{Guid.NewGuid():N}"[..16];
        var (bad, badHtml) = await SubmitAsync(root, "/admin/roles", "/admin/roles", ("name", "Bad Name!"), ("description", "kept words"), ("permissions", "users:read"));
        AssertPage(bad, badHtml, HttpStatusCode.BadRequest, "name must be 1-32 lowercase letters");
        Assert.Contains("id=\"name-error\"", badHtml);
        Assert.Contains("value=\"kept words\"", badHtml);

        var (created, _) = await SubmitAsync(root, "/admin/roles", "/admin/roles", ("name", name), ("description", "Support desk"), ("permissions", "users:read"));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var role = (await (await root.GetAsync("/api/admin/roles")).OkAsync()).GetProperty("roles").EnumerateArray().Single(r => r.Str("name") == name);
        Assert.Equal(["users:read"], role.GetProperty("permissions").EnumerateArray().Select(p => p.GetString()));

        var (unconfirmed, unconfirmedHtml) = await SubmitAsync(root, $"/admin/roles/{name}", $"/admin/roles/{name}", ("action", "delete"));
        AssertPage(unconfirmed, unconfirmedHtml, HttpStatusCode.BadRequest, "Tick the box to confirm");
        var (changed, _) = await SubmitAsync(root, $"/admin/roles/{name}", $"/admin/roles/{name}", ("action", "save"), ("confirm", "yes"),
            ("description", "Support desk"), ("permissions", "activity:read"));
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        role = (await (await root.GetAsync("/api/admin/roles")).OkAsync()).GetProperty("roles").EnumerateArray().Single(r => r.Str("name") == name);
        Assert.Equal(["activity:read"], role.GetProperty("permissions").EnumerateArray().Select(p => p.GetString()));
        var (unknown, unknownHtml) = await SubmitAsync(root, $"/admin/roles/{name}", $"/admin/roles/{name}", ("action", "save"), ("confirm", "yes"),
            ("permissions", "everything"));
        AssertPage(unknown, unknownHtml, HttpStatusCode.BadRequest, "unknown permission 'everything'");
        var (builtIn, builtInHtml) = await SubmitAsync(root, "/admin/roles/admin", "/admin/roles/admin", ("action", "delete"), ("confirm", "yes"));
        AssertPage(builtIn, builtInHtml, HttpStatusCode.Conflict, "built-in role");

        var (deleted, _) = await SubmitAsync(root, $"/admin/roles/{name}", $"/admin/roles/{name}", ("action", "delete"), ("confirm", "yes"));
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.DoesNotContain((await (await root.GetAsync("/api/admin/roles")).OkAsync()).GetProperty("roles").EnumerateArray(), r => r.Str("name") == name);

        var (moderator, _, _) = await server.WithRoleAsync(root, "moderator");
        var (refused, refusedHtml) = await GetAsync(moderator, "/admin/roles");
        AssertPage(refused, refusedHtml, HttpStatusCode.Forbidden, "roles:manage");
        var forged = await moderator.PostAsync("/admin/roles", Form("name=x&permissions=users:read"));
        AssertPage(forged, await forged.Content.ReadAsStringAsync(), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Activity_and_sessions_list_and_filter_and_a_session_is_revoked_after_confirmation()
    {
        var root = await RootBrowserAsync();
        var (user, userId, _) = await server.WithRoleAsync(root, "user");
        var (activity, activityHtml) = await GetAsync(root, $"/admin/activity?userId={userId}&outcome=success");
        AssertPage(activity, activityHtml, HttpStatusCode.OK, "login.success");
        var (badActivity, badActivityHtml) = await GetAsync(root, "/admin/activity?userId=nobody&outcome=maybe");
        AssertPage(badActivity, badActivityHtml, HttpStatusCode.BadRequest, "User id must be an account's id");
        Assert.Contains("value=\"nobody\"", badActivityHtml);

        var (sessions, sessionsHtml) = await GetAsync(root, $"/admin/sessions?userId={userId}");
        AssertPage(sessions, sessionsHtml, HttpStatusCode.OK, "found, page 1 of 1.");
        var sessionId = System.Text.RegularExpressions.Regex.Match(sessionsHtml, "/admin/sessions/([0-9a-f-]{36})/revoke").Groups[1].Value;
        var (unconfirmed, unconfirmedHtml) = await SubmitAsync(root, $"/admin/sessions/{sessionId}/revoke", $"/admin/sessions/{sessionId}/revoke");
        AssertPage(unconfirmed, unconfirmedHtml, HttpStatusCode.BadRequest, "Tick the box to confirm");
        await (await user.GetAsync("/api/auth/me")).OkAsync();
        var (revoked, _) = await SubmitAsync(root, $"/admin/sessions/{sessionId}/revoke", $"/admin/sessions/{sessionId}/revoke", ("confirm", "yes"));
        Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await user.GetAsync("/api/auth/me")).StatusCode);
        var (again, againHtml) = await SubmitAsync(root, $"/admin/sessions/{sessionId}/revoke", $"/admin/sessions/{sessionId}/revoke", ("confirm", "yes"));
        AssertPage(again, againHtml, HttpStatusCode.NotFound, "No such active session");
    }

    [Fact]
    public async Task Settings_saved_on_the_page_are_in_force_at_once_and_bad_values_are_refused_by_their_field()
    {
        var root = await RootBrowserAsync();
        // A browser posts the boxes that are ticked: the sign-up switches stay as they are.
        (string, string)[] flags = [("signUpEnabled", "true")];
        var (bad, badHtml) = await SubmitAsync(root, "/admin/settings", "/admin/settings", [.. flags, ("confirm", "yes"), ("passwordMinLength", "3"), ("productName", "Typed Name")]);
        AssertPage(bad, badHtml, HttpStatusCode.BadRequest);
        Assert.Contains("id=\"passwordMinLength-error\"", badHtml);
        Assert.Contains("value=\"Typed Name\"", badHtml);
        var (word, wordHtml) = await SubmitAsync(root, "/admin/settings", "/admin/settings", [.. flags, ("confirm", "yes"), ("lockoutThreshold", "many")]);
        AssertPage(word, wordHtml, HttpStatusCode.BadRequest, "must be a whole number");
        var (unconfirmed, unconfirmedHtml) = await SubmitAsync(root, "/admin/settings", "/admin/settings", [.. flags, ("productName", "Unconfirmed")]);
        AssertPage(unconfirmed, unconfirmedHtml, HttpStatusCode.BadRequest, "Tick the box to confirm");
        var settings = (await (await root.GetAsync("/api/admin/settings")).OkAsync()).GetProperty("settings");
        Assert.NotEqual("Typed Name", settings.Str("productName"));
        Assert.DoesNotContain("passwordMinLength", settings.GetProperty("overridden").EnumerateArray().Select(o => o.GetString()));

        var (saved, _) = await SubmitAsync(root, "/admin/settings", "/admin/settings", [.. flags, ("confirm", "yes"), ("productName", "Console Test Co")]);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        settings = (await (await root.GetAsync("/api/admin/settings")).OkAsync()).GetProperty("settings");
        // Only the changed field became an override; saving the page did not pin the others.
        Assert.Equal(["productName"], settings.GetProperty("overridden").EnumerateArray().Select(o => o.GetString()));
        var (login, loginHtml) = await GetAsync(server.CreateClient(), "/login");
        AssertPage(login, loginHtml, HttpStatusCode.OK, "Console Test Co");
        await (await root.SendAsync(HttpMethod.Put, "/api/admin/settings", body: new { productName = (string?)null })).OkAsync();

        var (moderator, _, _) = await server.WithRoleAsync(root, "moderator");
        var (refused, refusedHtml) = await GetAsync(moderator, "/admin/settings");
        AssertPage(refused, refusedHtml, HttpStatusCode.Forbidden, "settings:read");
    }

    [Fact]
    public async Task OAuth_clients_are_registered_with_the_secret_shown_once_edited_rotated_and_deleted()
    {
        var root = await RootBrowserAsync();
        var (bad, badHtml) = await SubmitAsync(root, "/admin/clients", "/admin/clients", ("name", "Typed App"), ("redirectUris", "not a url"),
            ("grantTypes", "authorization_code"));
        AssertPage(bad, badHtml, HttpStatusCode.BadRequest);
        Assert.Contains("id=\"redirectUris-error\"", badHtml);
        Assert.Contains("value=\"Typed App\"", badHtml);

        var (created, createdHtml) = await SubmitAsync(root, "/admin/clients", "/admin/clients", ("name", "Console App"),
            ("redirectUris", "https://app.example.com/callback"), ("grantTypes", "authorization_code"), ("grantTypes", "refresh_token"),
            ("tokenEndpointAuthMethod", "client_secret_basic"));
        AssertPage(created, createdHtml, HttpStatusCode.OK, "shown only this once");
        var clientId = System.Text.RegularExpressions.Regex.Match(createdHtml, "id=\"new-client-id\">([^<]+)<").Groups[1].Value;
        var secret = System.Text.RegularExpressions.Regex.Match(createdHtml, "id=\"new-client-secret\">([^<]+)<").Groups[1].Value;
        Assert.NotEmpty(secret);
        var listed = (await (await root.GetAsync("/api/admin/oauth-clients")).OkAsync()).GetProperty("clients").EnumerateArray()
            .Single(c => c.Str("clientId") == clientId);
        var id = listed.Str("id");
        var (page, pageHtml) = await GetAsync(root, $"/admin/clients/{id}");
        AssertPage(page, pageHtml, HttpStatusCode.OK, clientId);
        Assert.DoesNotContain(secret, pageHtml);

        var (unconfirmed, unconfirmedHtml) = await SubmitAsync(root, $"/admin/clients/{id}", $"/admin/clients/{id}", ("action", "delete"));
        AssertPage(unconfirmed, unconfirmedHtml, HttpStatusCode.BadRequest, "Tick the box to confirm");
        var (edited, _) = await SubmitAsync(root, $"/admin/clients/{id}", $"/admin/clients/{id}", ("action", "save"), ("confirm", "yes"),
            ("name", "Console App"), ("redirectUris", "https://app.example.com/callback\nhttps://app.example.com/other"), ("grantTypes", "authorization_code"),
            ("active", "true"));
        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        listed = (await (await root.GetAsync("/api/admin/oauth-clients")).OkAsync()).GetProperty("clients").EnumerateArray().Single(c => c.Str("id") == id);
        Assert.Equal(2, listed.GetProperty("redirectUris").GetArrayLength());
        Assert.Equal(["authorization_code"], listed.GetProperty("grantTypes").EnumerateArray().Select(g => g.GetString()));

        var (rotated, rotatedHtml) = await SubmitAsync(root, $"/admin/clients/{id}", $"/admin/clients/{id}", ("action", "rotate"), ("confirm", "yes"),
            ("name", "Console App"), ("redirectUris", "https://app.example.com/callback"), ("grantTypes", "authorization_code"), ("active", "true"));
        AssertPage(rotated, rotatedHtml, HttpStatusCode.OK, "shown only this once");
        Assert.DoesNotContain(secret, rotatedHtml);
        var (deleted, _) = await SubmitAsync(root, $"/admin/clients/{id}", $"/admin/clients/{id}", ("action", "delete"), ("confirm", "yes"));
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        var (gone, goneHtml) = await GetAsync(root, $"/admin/clients/{id}");
        AssertPage(gone, goneHtml, HttpStatusCode.NotFound);

        var (moderator, _, _) = await server.WithRoleAsync(root, "moderator");
        var (refused, refusedHtml) = await GetAsync(moderator, "/admin/clients");
        AssertPage(refused, refusedHtml, HttpStatusCode.Forbidden, "clients:manage");
    }

    [Fact]
    public async Task Send_verification_mails_a_new_link_to_an_unverified_account_with_the_administrator_recorded()
    {
        var root = await RootBrowserAsync();
        var adminId = await root.MyIdAsync();
        var (_, targetId, _) = await server.WithRoleAsync(root, "user");
        var (moderator, _, _) = await server.WithRoleAsync(root, "moderator");
        var (refused, refusedHtml) = await GetAsync(moderator, $"/admin/users/{targetId}/send-verification");
        AssertPage(refused, refusedHtml, HttpStatusCode.Forbidden, "users:write");

        var (page, pageHtml) = await GetAsync(root, $"/admin/users/{targetId}");
        AssertPage(page, pageHtml, HttpStatusCode.OK, "id=\"action-send-verification\"");
        var (unconfirmed, unconfirmedHtml) = await SubmitAsync(root, $"/admin/users/{targetId}/send-verification", $"/admin/users/{targetId}/send-verification");
        AssertPage(unconfirmed, unconfirmedHtml, HttpStatusCode.BadRequest, "Tick the box to confirm");
        var (sent, _) = await SubmitAsync(root, $"/admin/users/{targetId}/send-verification", $"/admin/users/{targetId}/send-verification", ("confirm", "yes"));
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.Equal($"/admin/users/{targetId}?done=send-verification", sent.Headers.Location!.OriginalString);
        var activity = await (await root.GetAsync($"/api/admin/activity?userId={targetId}&type=email.verification_sent")).OkAsync();
        Assert.Contains(activity.GetProperty("activities").EnumerateArray(), a =>
            a.GetProperty("actorId").ValueKind == System.Text.Json.JsonValueKind.String && a.GetProperty("actorId").GetGuid() == adminId);

        await (await root.SendAsync(HttpMethod.Put, $"/api/admin/users/{targetId}", body: new { emailVerified = true })).OkAsync();
        Assert.DoesNotContain("id=\"action-send-verification\"", (await GetAsync(root, $"/admin/users/{targetId}")).Html);
        var (verified, verifiedHtml) = await SubmitAsync(root, $"/admin/users/{targetId}/send-verification", $"/admin/users/{targetId}/send-verification", ("confirm", "yes"));
        AssertPage(verified, verifiedHtml, HttpStatusCode.BadRequest, "already verified");
    }

    private static int CountOf(string html, string text)
    {
        var count = 0;
        for (var at = html.IndexOf(text, StringComparison.Ordinal); at >= 0; at = html.IndexOf(text, at + 1, StringComparison.Ordinal)) count++;
        return count;
    }

    private static StringContent Form(string body) => new(body, Encoding.UTF8, "application/x-www-form-urlencoded");

    [Fact]
    public async Task Signing_keys_are_listed_and_rotated_only_after_confirmation_with_the_administrator_recorded()
    {
        var root = await RootBrowserAsync();
        var (moderator, _, _) = await server.WithRoleAsync(root, "moderator");
        var (refused, refusedHtml) = await GetAsync(moderator, "/admin/keys");
        AssertPage(refused, refusedHtml, HttpStatusCode.Forbidden, "keys:rotate");
        Assert.DoesNotContain("href=\"/admin/keys\"", (await GetAsync(moderator, "/admin")).Html);

        var (list, listHtml) = await GetAsync(root, "/admin/keys");
        AssertPage(list, listHtml, HttpStatusCode.OK, "id=\"keys\"");
        Assert.Contains("href=\"/admin/keys\"", listHtml);
        var before = SigningKeyIds(listHtml);
        Assert.Contains("<td>RS256</td><td>id</td>", listHtml);
        Assert.Contains("<td>ES256</td><td>id-es256</td>", listHtml);

        var forged = await root.PostAsync("/admin/keys", Form("confirm=yes"));
        AssertPage(forged, await forged.Content.ReadAsStringAsync(), HttpStatusCode.BadRequest, "The form expired");
        var (unconfirmed, unconfirmedHtml) = await SubmitAsync(root, "/admin/keys", "/admin/keys");
        AssertPage(unconfirmed, unconfirmedHtml, HttpStatusCode.BadRequest, "Tick the box to confirm");
        Assert.Contains("id=\"confirm-error\"", unconfirmedHtml);
        Assert.Equal(before, SigningKeyIds(unconfirmedHtml));

        var (rotated, _) = await SubmitAsync(root, "/admin/keys", "/admin/keys", ("confirm", "yes"));
        Assert.Equal(HttpStatusCode.Redirect, rotated.StatusCode);
        Assert.Equal("/admin/keys?done=1", rotated.Headers.Location!.OriginalString);
        var (after, afterHtml) = await GetAsync(root, "/admin/keys?done=1");
        AssertPage(after, afterHtml, HttpStatusCode.OK, "Signing keys rotated.");
        // The access-token key and both id-token keys are new (a configured Hasura key is not theirs to rotate);
        // the old ones stay listed (and published) as retired until their tokens expire.
        var now = SigningKeyIds(afterHtml);
        var fresh = now.Except(before).ToHashSet();
        Assert.Equal(3, fresh.Count);
        var retired = before.Except(now).ToList();
        Assert.Equal(3, retired.Count);
        foreach (var kid in retired) Assert.Matches($"<code>{kid}</code>.*?Retired <time", afterHtml.Replace("\n", ""));

        var adminId = await root.MyIdAsync();
        var activity = await (await root.GetAsync($"/api/admin/activity?userId={adminId}&type=oidc_key.rotated")).OkAsync();
        Assert.Contains(activity.GetProperty("activities").EnumerateArray(), a =>
        {
            var details = System.Text.Json.JsonDocument.Parse(a.Str("details")).RootElement;
            return a.GetProperty("actorId").GetGuid() == adminId && details.GetProperty("source").GetString() == "admin console"
                && details.GetProperty("keyIds").EnumerateArray().Select(k => k.GetString()!).ToHashSet().SetEquals(fresh);
        });
    }

    /// <summary>The key ids of the rows that sign now (a retired row says so in its state cell).</summary>
    private static HashSet<string> SigningKeyIds(string html) =>
        System.Text.RegularExpressions.Regex.Matches(html.Replace("\n", ""), "<code>([^<]+)</code></td>(?:(?!</tr>).)*?<td>\\s*Signing\\s*</td>")
            .Select(m => m.Groups[1].Value).ToHashSet();
}
