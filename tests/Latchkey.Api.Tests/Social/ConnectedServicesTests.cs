using System.Net;
using System.Text.Json;
using Latchkey.Api.Tests.Infrastructure;
using Xunit;

namespace Latchkey.Api.Tests.Social;

/// <summary><c>/api/user/connected-services</c>: the list, connect through the redirect flow, disconnect (never the last way in).</summary>
public sealed class ConnectedServicesTests(SocialServer server) : IClassFixture<SocialServer>
{
    [Fact]
    public async Task Lists_every_enabled_provider_with_its_status_and_needs_a_session()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await server.CreateClient().GetAsync("/api/user/connected-services")).StatusCode);
        var client = server.CreateClient();
        await client.PlatformLoginAsync(await client.RegisterAsync());

        var services = await ListAsync(client);

        Assert.Equal(["apple", "corp", "github", "gitlab", "google"], services.Select(s => s.Str("provider")));
        Assert.All(services, s => Assert.False(s.GetProperty("connected").GetBoolean()));
        Assert.Equal("GitHub", services.Single(s => s.Str("provider") == "github").Str("name"));
    }

    [Fact]
    public async Task Signed_in_user_connects_a_provider_and_then_signs_in_with_it()
    {
        var client = server.CreateClient();
        var email = await client.RegisterAsync();
        await client.PlatformLoginAsync(email);
        var upstream = UpstreamUser.New(verified: false, email: "other-" + email);

        var started = await client.PostJsonAsync("/api/user/connected-services/github/connect", new { redirectTo = SocialServer.AppRedirect });
        Assert.Equal(HttpStatusCode.OK, started.StatusCode);
        client.SetCookie(server, "upstream_user", upstream.ToCookie());
        var landed = await client.FollowAsync(server, (await started.JsonAsync()).Str("url"));

        Assert.True(SocialServer.AppRedirect == landed.ToString(), landed.ToString());
        var github = (await ListAsync(client)).Single(s => s.Str("provider") == "github");
        Assert.True(github.GetProperty("connected").GetBoolean());
        Assert.Equal(upstream.Email, github.Str("email"));

        // The connected identity now signs in to the same account, even with an unverified address.
        var other = server.CreateClient();
        await other.SignInWithAsync(server, "github", upstream);
        var me = await (await other.GetAsync("/api/auth/me")).JsonAsync();
        Assert.Equal(email, me.GetProperty("user").Str("email"));
    }

    [Fact]
    public async Task An_identity_connected_elsewhere_cannot_be_connected_again()
    {
        var upstream = UpstreamUser.New();
        await server.CreateClient().SignInWithAsync(server, "github", upstream);
        var client = server.CreateClient();
        await client.PlatformLoginAsync(await client.RegisterAsync());

        var started = await client.PostJsonAsync("/api/user/connected-services/github/connect", new { });
        client.SetCookie(server, "upstream_user", upstream.ToCookie());
        var landed = await client.FollowAsync(server, (await started.JsonAsync()).Str("url"));

        Assert.Equal("identity_in_use", landed.Query("error"));
        Assert.False((await ListAsync(client)).Single(s => s.Str("provider") == "github").GetProperty("connected").GetBoolean());
    }

    [Fact]
    public async Task A_connect_finished_in_another_browser_is_refused_and_logged_on_the_account()
    {
        var client = server.CreateClient();
        await client.PlatformLoginAsync(await client.RegisterAsync());
        var started = await client.PostJsonAsync("/api/user/connected-services/github/connect", new { });
        var attacker = server.CreateClient();
        attacker.SetCookie(server, "upstream_user", UpstreamUser.New().ToCookie());

        var landed = await attacker.FollowAsync(server, (await started.JsonAsync()).Str("url"));

        Assert.Equal("invalid_state", landed.Query("error"));
        Assert.False((await ListAsync(client)).Single(s => s.Str("provider") == "github").GetProperty("connected").GetBoolean());
        var activity = await (await client.GetAsync("/api/user/activity")).JsonAsync();
        var failed = activity.GetProperty("activities").EnumerateArray().First(a => a.Str("type") == "login.failed");
        Assert.Contains("invalid_state", failed.Str("details"));
    }

    [Fact]
    public async Task Connect_needs_a_session_and_an_enabled_provider()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await server.CreateClient().PostJsonAsync("/api/user/connected-services/github/connect", new { })).StatusCode);
        var client = server.CreateClient();
        await client.PlatformLoginAsync(await client.RegisterAsync());
        var response = await client.PostJsonAsync("/api/user/connected-services/spotify/connect", new { });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("unsupported_provider", (await response.JsonAsync()).Str("code"));
    }

    [Fact]
    public async Task Password_user_disconnects_but_the_only_way_in_cannot_be_disconnected()
    {
        var socialOnly = server.CreateClient();
        await socialOnly.SignInWithAsync(server, "github", UpstreamUser.New());
        var refused = await socialOnly.SendAsync(HttpMethod.Delete, "/api/user/connected-services/github");
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal("last_sign_in_method", (await refused.JsonAsync()).Str("code"));

        // With a second provider connected, one of them can go.
        var started = await socialOnly.PostJsonAsync("/api/user/connected-services/google/connect", new { });
        socialOnly.SetCookie(server, "upstream_user", UpstreamUser.New().ToCookie());
        await socialOnly.FollowAsync(server, (await started.JsonAsync()).Str("url"));
        Assert.Equal(HttpStatusCode.OK, (await socialOnly.SendAsync(HttpMethod.Delete, "/api/user/connected-services/github")).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await socialOnly.SendAsync(HttpMethod.Delete, "/api/user/connected-services/google")).StatusCode);

        var missing = await socialOnly.SendAsync(HttpMethod.Delete, "/api/user/connected-services/gitlab");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        var connected = (await ListAsync(socialOnly)).Where(s => s.GetProperty("connected").GetBoolean()).Select(s => s.Str("provider"));
        Assert.Equal(["google"], connected);
    }

    private static async Task<List<JsonElement>> ListAsync(HttpClient client)
    {
        var response = await client.GetAsync("/api/user/connected-services");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.JsonAsync();
        Assert.True(body.GetProperty("success").GetBoolean());
        return body.GetProperty("services").EnumerateArray().ToList();
    }
}
