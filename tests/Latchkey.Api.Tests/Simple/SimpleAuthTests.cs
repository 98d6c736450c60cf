using System.Net;
using Latchkey.Api.Tests.Infrastructure;
using Xunit;

namespace Latchkey.Api.Tests.Simple;

public sealed class SimpleAuthTests(LatchkeyServer server) : IClassFixture<LatchkeyServer>
{
    private readonly HttpClient _client = server.CreateClient();

    [Fact]
    public async Task Login_returns_token_expires_in_user_and_a_refresh_token()
    {
        var email = await _client.RegisterAsync();
        var response = await _client.PostJsonAsync("/api/v1/auth/login", new { username = email, password = Accounts.Password });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.JsonAsync();
        Assert.Equal(3, body.Str("token").Split('.').Length);
        Assert.Equal(900, body.GetProperty("expires_in").GetInt32());
        Assert.Equal(43, body.Str("refreshToken").Length);
        var user = body.GetProperty("user");
        Assert.Equal(email, user.Str("email"));
        Assert.Equal(email, user.Str("username"));
        Assert.True(Guid.TryParse(user.Str("id"), out _));
    }

    [Fact]
    public async Task Wrong_password_is_401_with_the_documented_error_body()
    {
        var email = await _client.RegisterAsync();
        var wrong = await _client.PostJsonAsync("/api/v1/auth/login", new { username = email, password = "nope-nope-nope-nope" });
        var unknown = await _client.PostJsonAsync("/api/v1/auth/login", new { username = "nobody-here", password = "nope-nope-nope-nope" });

        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal("{\"error\":\"Invalid credentials\"}", await wrong.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);
        Assert.Equal("{\"error\":\"Invalid credentials\"}", await unknown.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Malformed_json_is_400_in_the_simple_shape()
    {
        var response = await _client.PostRawAsync("/api/v1/auth/login", "{\"username\":");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.JsonAsync();
        Assert.False(string.IsNullOrEmpty(body.Str("error")));
        Assert.False(body.TryGetProperty("success", out _));
    }

    [Fact]
    public async Task Access_token_authenticates_platform_calls()
    {
        var email = await _client.RegisterAsync();
        var (access, _) = await _client.SimpleLoginAsync(email);
        var me = await server.CreateClient().GetAsync("/api/auth/me", access);
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        Assert.Equal(email, (await me.JsonAsync()).GetProperty("user").Str("email"));

        var forged = access[..^4] + (access.EndsWith("AAAA", StringComparison.Ordinal) ? "BBBB" : "AAAA");
        Assert.Equal(HttpStatusCode.Unauthorized, (await server.CreateClient().GetAsync("/api/auth/me", forged)).StatusCode);
    }

    [Fact]
    public async Task Refresh_rotates_the_token_and_the_new_one_works()
    {
        var email = await _client.RegisterAsync();
        var (_, refresh) = await _client.SimpleLoginAsync(email);

        var first = await _client.PostJsonAsync("/api/v1/auth/refresh", new { refreshToken = refresh });
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var body = await first.JsonAsync();
        var next = body.Str("refreshToken");
        Assert.NotEqual(refresh, next);
        Assert.Equal(900, body.GetProperty("expires_in").GetInt32());
        Assert.Equal(HttpStatusCode.OK, (await server.CreateClient().GetAsync("/api/auth/me", body.Str("token"))).StatusCode);

        var second = await _client.PostJsonAsync("/api/v1/auth/refresh", new { refreshToken = next });
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
    }

    [Fact]
    public async Task Many_sessions_refreshing_at_once_all_rotate()
    {
        // Concurrent writers: on SQLite they queue in the write gate rather than meeting the file lock
        // (which blocked threads and, past its timeout, failed); on PostgreSQL rotation runs without an
        // explicit transaction. Every token must still rotate exactly once into a working successor.
        var email = await _client.RegisterAsync();
        var tokens = new List<string>();
        for (var i = 0; i < 12; i++) tokens.Add((await _client.SimpleLoginAsync(email)).Refresh);

        var responses = await Task.WhenAll(tokens.Select(token =>
            server.CreateClient().PostJsonAsync("/api/v1/auth/refresh", new { refreshToken = token })));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var successors = new List<string>();
        foreach (var r in responses) successors.Add((await r.JsonAsync()).Str("refreshToken"));
        Assert.Equal(tokens.Count, successors.Distinct().Count());
        var again = await Task.WhenAll(successors.Select(token =>
            server.CreateClient().PostJsonAsync("/api/v1/auth/refresh", new { refreshToken = token })));
        Assert.All(again, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
    }

    [Fact]
    public async Task Concurrent_refreshes_inside_the_grace_window_both_succeed_with_the_same_successor()
    {
        var email = await _client.RegisterAsync();
        var (_, refresh) = await _client.SimpleLoginAsync(email);

        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ =>
            server.CreateClient().PostJsonAsync("/api/v1/auth/refresh", new { refreshToken = refresh })));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var successors = new HashSet<string>();
        foreach (var r in responses) successors.Add((await r.JsonAsync()).Str("refreshToken"));
        var successor = Assert.Single(successors);

        // The shared successor is a working token, and the family is intact.
        var next = await _client.PostJsonAsync("/api/v1/auth/refresh", new { refreshToken = successor });
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
    }

    [Fact]
    public async Task Reuse_after_the_grace_window_revokes_the_whole_family()
    {
        var email = await _client.RegisterAsync();
        var (access, refresh) = await _client.SimpleLoginAsync(email);
        var rotated = (await (await _client.PostJsonAsync("/api/v1/auth/refresh", new { refreshToken = refresh })).JsonAsync()).Str("refreshToken");
        // The legitimate holder uses its successor: the old token is now spent for good.
        var latest = (await (await _client.PostJsonAsync("/api/v1/auth/refresh", new { refreshToken = rotated })).JsonAsync()).Str("refreshToken");

        server.Clock.Advance(TimeSpan.FromSeconds(11));
        var replay = await _client.PostJsonAsync("/api/v1/auth/refresh", new { refreshToken = refresh });

        Assert.Equal(HttpStatusCode.Unauthorized, replay.StatusCode);
        Assert.Equal("{\"error\":\"Invalid or expired refresh token\"}", await replay.Content.ReadAsStringAsync());
        // The legitimate holder's newer token dies with the family, and so does the session's access.
        Assert.Equal(HttpStatusCode.Unauthorized, (await _client.PostJsonAsync("/api/v1/auth/refresh", new { refreshToken = latest })).StatusCode);
        server.Clock.Advance(TimeSpan.FromSeconds(6)); // past the session-state cache
        Assert.Equal(HttpStatusCode.Unauthorized, (await server.CreateClient().GetAsync("/api/auth/me", access)).StatusCode);
    }

    [Fact]
    public async Task A_refresh_retried_after_a_restart_gets_the_unused_successor_within_the_retry_window()
    {
        var email = await _client.RegisterAsync();
        var (_, refresh) = await _client.SimpleLoginAsync(email);
        // The server rotated the token, then died before the client read the answer.
        var lost = (await (await _client.PostJsonAsync("/api/v1/auth/refresh", new { refreshToken = refresh })).JsonAsync()).Str("refreshToken");

        server.Clock.Advance(TimeSpan.FromSeconds(90)); // a slow restart: far past the 10 s grace window
        var retry = await _client.PostJsonAsync("/api/v1/auth/refresh", new { refreshToken = refresh });

        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.Equal(lost, (await retry.JsonAsync()).Str("refreshToken"));
        var next = await _client.PostJsonAsync("/api/v1/auth/refresh", new { refreshToken = lost });
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
    }

    [Fact]
    public async Task A_retry_after_the_retry_window_is_reuse_even_with_an_unused_successor()
    {
        var email = await _client.RegisterAsync();
        var (_, refresh) = await _client.SimpleLoginAsync(email);
        var lost = (await (await _client.PostJsonAsync("/api/v1/auth/refresh", new { refreshToken = refresh })).JsonAsync()).Str("refreshToken");

        server.Clock.Advance(TimeSpan.FromMinutes(6)); // past the 5-minute retry window
        Assert.Equal(HttpStatusCode.Unauthorized, (await _client.PostJsonAsync("/api/v1/auth/refresh", new { refreshToken = refresh })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _client.PostJsonAsync("/api/v1/auth/refresh", new { refreshToken = lost })).StatusCode);
    }

    [Theory]
    [InlineData("")]
    [InlineData("short")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public async Task Unknown_or_malformed_refresh_tokens_are_401(string token)
    {
        var response = await _client.PostJsonAsync("/api/v1/auth/refresh", new { refreshToken = token });
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Invalid or expired refresh token", (await response.JsonAsync()).Str("error"));
    }

    [Fact]
    public async Task Expired_refresh_token_is_401()
    {
        var email = await _client.RegisterAsync();
        var (_, refresh) = await _client.SimpleLoginAsync(email);
        server.Clock.Advance(TimeSpan.FromDays(31));
        try
        {
            var response = await _client.PostJsonAsync("/api/v1/auth/refresh", new { refreshToken = refresh });
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }
        finally
        {
            server.Clock.Advance(TimeSpan.FromDays(-31));
        }
    }

    [Fact]
    public async Task Logout_invalidates_the_refresh_token_and_the_access_token()
    {
        var email = await _client.RegisterAsync();
        var (access, refresh) = await _client.SimpleLoginAsync(email);

        var logout = await _client.PostJsonAsync("/api/v1/auth/logout", new { }, access);
        Assert.Equal(HttpStatusCode.OK, logout.StatusCode);
        Assert.Equal("Successfully logged out", (await logout.JsonAsync()).Str("message"));

        Assert.Equal(HttpStatusCode.Unauthorized, (await _client.PostJsonAsync("/api/v1/auth/refresh", new { refreshToken = refresh })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await server.CreateClient().GetAsync("/api/auth/me", access)).StatusCode);
    }

    [Fact]
    public async Task Logout_without_credentials_is_401_authentication_required()
    {
        var response = await _client.PostJsonAsync("/api/v1/auth/logout", new { });
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("{\"error\":\"Authentication required\"}", await response.Content.ReadAsStringAsync());
    }
}
