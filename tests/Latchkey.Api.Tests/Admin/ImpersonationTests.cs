using System.Net;
using System.Text;
using System.Text.Json;
using Latchkey.Api.Tests.Infrastructure;
using Latchkey.Api.Tests.OAuth;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace Latchkey.Api.Tests.Admin;

/// <summary>
/// <c>/api/admin/impersonate</c>: acting as a user beside the administrator's own session, and every limit on it
/// (who, how long, what is refused, what the log and the tokens say). Its own server, since it moves the clock.
/// </summary>
public sealed class ImpersonationTests(ImpersonationTests.Server server) : IClassFixture<ImpersonationTests.Server>
{
    public sealed class Server : OAuthServer;

    private const string Cookie = "auth_impersonation";

    [Fact]
    public async Task Requests_act_as_the_user_the_log_names_the_administrator_and_stop_returns()
    {
        var root = await server.AdminAsync();
        var rootId = await root.MyIdAsync();
        var (_, userId, email) = await server.WithRoleAsync(root, "user");

        var started = (await (await StartAsync(root, userId)).OkAsync()).GetProperty("impersonation");
        Assert.Equal(email, started.Str("email"));
        var me = await (await root.GetAsync("/api/auth/me")).OkAsync();
        Assert.Equal(userId, me.GetProperty("user").GetProperty("id").GetGuid());
        await (await root.PostAsync("/api/user/sessions/revoke-all", null)).OkAsync();
        // The administrator's permissions do not travel: the caller is the user.
        await (await root.GetAsync("/api/admin/users")).FailsAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await StartAsync(root, userId)).FailsAsync(HttpStatusCode.Forbidden, "forbidden");

        var stop = await (await root.PostAsync("/api/admin/impersonate/stop", null)).OkAsync();
        Assert.Equal("Impersonation ended", stop.Str("message"));
        Assert.Equal(rootId, await root.MyIdAsync());
        var again = await (await root.PostAsync("/api/admin/impersonate/stop", null)).OkAsync();
        Assert.Equal("Not impersonating", again.Str("message"));

        var rows = await server.QueryAsync(db => db.Activity.Where(a => a.UserId == userId && a.ActorId != null).ToListAsync());
        Assert.Equal(new[] { "admin.impersonation_started", "admin.impersonation_stopped", "sessions.revoked" },
            rows.Select(r => r.Type).Order(StringComparer.Ordinal));
        Assert.All(rows, r => Assert.Equal(rootId, r.ActorId));
        Assert.Contains("ticket 42", rows.Single(r => r.Type == "admin.impersonation_started").Details);
        var log = await (await root.GetAsync($"/api/admin/activity?userId={userId}&type=sessions.revoked")).OkAsync();
        Assert.Equal(rootId, log.GetProperty("activities")[0].GetProperty("actorId").GetGuid());
    }

    [Fact]
    public async Task Sensitive_actions_are_refused_with_a_403_in_each_surfaces_shape()
    {
        var root = await server.AdminAsync();
        var (_, userId, _) = await server.WithRoleAsync(root, "user");
        await (await StartAsync(root, userId)).OkAsync();

        var platform = new (HttpMethod Method, string Path, object? Body)[]
        {
            (HttpMethod.Post, "/api/user/password", new { currentPassword = Accounts.Password, newPassword = "another-Long-passw0rd" }),
            (HttpMethod.Post, "/api/user/email/request-change", new { newEmail = Accounts.NewEmail() }),
            (HttpMethod.Post, "/api/auth/2fa/setup", new { method = "totp" }),
            (HttpMethod.Post, "/api/auth/2fa/disable", new { method = "totp" }),
            (HttpMethod.Post, "/api/auth/passkey/register-options", new { }),
            (HttpMethod.Delete, "/api/user/passkeys", null),
            (HttpMethod.Post, "/api/auth/elevate", new { password = Accounts.Password }),
            (HttpMethod.Delete, "/api/user/connected-services/github", null),
        };
        foreach (var (method, path, body) in platform)
        {
            var error = await (await root.SendAsync(method, path, body: body)).FailsAsync(HttpStatusCode.Forbidden, "forbidden");
            Assert.Contains("impersonating", error.Str("error"));
        }
        // The Simple API's API keys answer in the Simple shape.
        var keys = await root.PostJsonAsync("/api/v1/auth/keys", new { name = "ci" });
        Assert.Equal(HttpStatusCode.Forbidden, keys.StatusCode);
        Assert.Contains("impersonating", await keys.Content.ReadAsStringAsync());
        // Reads stay open: the point is to see what the user sees.
        await (await root.GetAsync("/api/user/security")).OkAsync();

        var passwordUnchanged = server.CreateClient();
        await passwordUnchanged.PlatformLoginAsync(await EmailOfAsync(userId));
        await (await root.PostAsync("/api/admin/impersonate/stop", null)).OkAsync();
    }

    [Fact]
    public async Task Administrators_self_unknown_disabled_and_bad_requests_are_refused_and_nothing_is_written()
    {
        var root = await server.AdminAsync();
        var rootId = await root.MyIdAsync();
        var (_, otherAdminId, _) = await server.WithRoleAsync(root, "admin");
        var (moderator, moderatorId, _) = await server.WithRoleAsync(root, "moderator");
        var (_, userId, _) = await server.WithRoleAsync(root, "user");
        var (_, disabledId, _) = await server.WithRoleAsync(root, "user");
        await (await root.SendAsync(HttpMethod.Put, $"/api/admin/users/{disabledId}", body: new { disabled = true })).OkAsync();
        var before = await ImpersonationSessionsAsync();
        var startedBefore = await StartedRowsAsync(rootId);

        await (await StartAsync(root, otherAdminId)).FailsAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await StartAsync(root, moderatorId)).FailsAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await StartAsync(root, rootId)).FailsAsync(HttpStatusCode.Conflict, "conflict");
        await (await StartAsync(root, Guid.NewGuid())).FailsAsync(HttpStatusCode.NotFound, "not_found");
        await (await StartAsync(root, disabledId)).FailsAsync(HttpStatusCode.Conflict, "conflict");
        await (await StartAsync(moderator, userId)).FailsAsync(HttpStatusCode.Forbidden, "forbidden");
        foreach (var (body, field) in new (object Body, string Field)[]
                 {
                     (new { userId }, "reason"),
                     (new { userId, reason = "  " }, "reason"),
                     (new { userId, reason = new string('x', 501) }, "reason"),
                     (new { reason = "support" }, "userId"),
                 })
        {
            var error = await (await root.PostJsonAsync("/api/admin/impersonate", body)).FailsAsync(HttpStatusCode.BadRequest, "validation_error");
            Assert.True(error.GetProperty("details").TryGetProperty(field, out _), error.ToString());
        }
        await (await root.PostRawAsync("/api/admin/impersonate", "{not json")).FailsAsync(HttpStatusCode.BadRequest, "invalid_request");
        // A bearer token is no browser session: there is no cookie to put the impersonation beside.
        var (access, _) = await server.CreateClient().SimpleLoginAsync(OAuthServer.AdminEmail);
        await (await server.CreateClient().SendAsync(HttpMethod.Post, "/api/admin/impersonate", access, new { userId, reason = "support" }))
            .FailsAsync(HttpStatusCode.Forbidden, "session_required");

        Assert.Equal(before, await ImpersonationSessionsAsync());
        Assert.Equal(startedBefore, await StartedRowsAsync(rootId));
    }

    [Fact]
    public async Task It_expires_after_30_minutes_and_never_works_without_the_administrators_own_session()
    {
        var root = await server.AdminAsync();
        var rootId = await root.MyIdAsync();
        var console = await server.AdminAsync();
        var (_, userId, _) = await server.WithRoleAsync(console, "user");
        var started = (await (await StartAsync(root, userId)).OkAsync()).GetProperty("impersonation");
        var expiresAt = started.GetProperty("expiresAt").GetDateTime().ToUniversalTime();
        Assert.InRange(expiresAt - server.Clock.GetUtcNow().UtcDateTime, TimeSpan.FromMinutes(29), TimeSpan.FromMinutes(30));

        // The impersonation secret alone, as a session cookie, is nobody.
        var alone = server.CreateClient();
        alone.SetCookie(server, "auth_token", root.CookieValue(server, Cookie));
        await (await alone.GetAsync("/api/auth/me")).FailsAsync(HttpStatusCode.Unauthorized, "unauthorized");
        // Nor beside another administrator's session.
        var (otherAdmin, _, _) = await server.WithRoleAsync(console, "admin");
        otherAdmin.SetCookie(server, Cookie, root.CookieValue(server, Cookie));
        Assert.NotEqual(userId, await otherAdmin.MyIdAsync());

        await server.AdvanceClockAsync(TimeSpan.FromMinutes(31));
        Assert.Equal(rootId, await root.MyIdAsync());

        // When the administrator's own session ends, so does the impersonation.
        var (admin2, admin2Id, _) = await server.WithRoleAsync(console, "admin");
        await (await StartAsync(admin2, userId)).OkAsync();
        Assert.Equal(userId, await admin2.MyIdAsync());
        var sessions = await (await console.GetAsync($"/api/admin/sessions?userId={admin2Id}")).OkAsync();
        foreach (var session in sessions.GetProperty("sessions").EnumerateArray())
            await (await console.DeleteAsync($"/api/admin/sessions/{session.GetProperty("id").GetGuid()}")).OkAsync();
        await (await admin2.GetAsync("/api/auth/me")).FailsAsync(HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Fact]
    public async Task OAuth_tokens_minted_meanwhile_carry_the_administrator_as_act_and_end_with_the_impersonation()
    {
        var client = await server.CreateClientAsync();
        var root = await server.AdminAsync();
        var rootId = await root.MyIdAsync();
        var (_, userId, _) = await server.WithRoleAsync(root, "user");
        await (await StartAsync(root, userId)).OkAsync();

        var pkce = Pkce.New();
        var code = await root.CodeAsync(client, pkce);
        var tokens = await (await server.ExchangeAsync(client, code, pkce)).OkJsonAsync();
        var claims = Payload(tokens.Str("access_token"));
        Assert.Equal(userId.ToString(), claims.Str("sub"));
        Assert.Equal(rootId.ToString(), claims.GetProperty("act").Str("sub"));
        // No refresh token: the grant cannot outlive the impersonation.
        Assert.False(tokens.TryGetProperty("refresh_token", out var refresh) && refresh.ValueKind == JsonValueKind.String);
        await (await root.PostAsync("/api/admin/impersonate/stop", null)).OkAsync();

        var own = Payload((await (await server.ExchangeAsync(client, await root.CodeAsync(client, pkce), pkce)).OkJsonAsync()).Str("access_token"));
        Assert.Equal(rootId.ToString(), own.Str("sub"));
        Assert.False(own.TryGetProperty("act", out _));
    }

    private static Task<HttpResponseMessage> StartAsync(HttpClient admin, Guid userId) =>
        admin.PostJsonAsync("/api/admin/impersonate", new { userId, reason = "support ticket 42" });

    private Task<int> ImpersonationSessionsAsync() => server.QueryAsync(db => db.Sessions.CountAsync(s => s.ImpersonatorId != null));

    private Task<int> StartedRowsAsync(Guid adminId) =>
        server.QueryAsync(db => db.Activity.CountAsync(a => a.Type == "admin.impersonation_started" && a.ActorId == adminId));

    private Task<string> EmailOfAsync(Guid userId) => server.QueryAsync(db => db.Users.Where(u => u.Id == userId).Select(u => u.Email).SingleAsync());

    private static JsonElement Payload(string jwt)
    {
        var part = jwt.Split('.')[1].Replace('-', '+').Replace('_', '/');
        part = part.PadRight(part.Length + (4 - part.Length % 4) % 4, '=');
        return JsonDocument.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(part))).RootElement.Clone();
    }
}
