using System.Net;
using System.Security.Cryptography;
using System.Text;
using Latchkey.Api.Tests.Infrastructure;
using Latchkey.Api.Tests.Social;
using Xunit;

namespace Latchkey.Api.Tests.Nhost;

/// <summary><c>/v1/signin/idtoken</c> and <c>/v1/link/idtoken</c> with Apple-shaped ID tokens signed by the fake upstream's published key.</summary>
public sealed class NhostIdTokenTests(SocialServer server) : IClassFixture<SocialServer>
{
    [Fact]
    public async Task A_valid_token_with_apples_hashed_nonce_signs_in_with_the_options_and_again_to_the_same_account()
    {
        var (sub, email, nonce) = (NewSub(), Accounts.NewEmail("apple"), "raw-" + Guid.NewGuid());

        var first = await SignInAsync(Token(sub, email, Sha256Hex(nonce)), nonce, new { displayName = "Ada", defaultRole = "me", metadata = new { a = 1 } });

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var user = (await first.JsonAsync()).GetProperty("session").GetProperty("user");
        Assert.Equal(email, user.Str("email"));
        Assert.Equal("Ada", user.Str("displayName"));
        Assert.Equal("me", user.Str("defaultRole"));
        var again = await SignInAsync(Token(sub, email, nonce), nonce);
        Assert.Equal(user.Str("id"), (await again.JsonAsync()).GetProperty("session").GetProperty("user").Str("id"));
    }

    [Theory]
    [InlineData("wrong audience")]
    [InlineData("wrong nonce")]
    [InlineData("missing nonce")]
    [InlineData("expired")]
    public async Task Invalid_tokens_are_refused_with_401_and_no_session(string kind)
    {
        var (sub, email) = (NewSub(), Accounts.NewEmail("bad"));
        var token = kind switch
        {
            "wrong audience" => Token(sub, email, "n", audience: "com.someone.else"),
            "missing nonce" => Token(sub, email, null),
            _ => Token(sub, email, "n"),
        };
        if (kind == "expired") server.Clock.Advance(TimeSpan.FromMinutes(15)); // the token lives 10 minutes by the server's clock

        var response = await SignInAsync(token, kind == "wrong nonce" ? "another" : "n");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var body = await response.JsonAsync();
        Assert.Equal("invalid-request", body.Str("error"));
        Assert.False(body.TryGetProperty("session", out _));
    }

    [Theory]
    [InlineData("""{"idToken":"x.y.z"}""", "invalid-request")]
    [InlineData("""{"provider":"apple"}""", "invalid-request")]
    [InlineData("""{"provider":"github","idToken":"x.y.z"}""", "invalid-request")]
    [InlineData("""{"provider":"apple","idToken":"x.y.z","options":{"allowedRoles":["admin"]}}""", "role-not-allowed")]
    [InlineData("""{"provider":"apple","idToken":"x.y.z","options":{"redirectTo":"https://evil.example/"}}""", "redirectTo-not-allowed")]
    public async Task Bad_requests_are_refused_in_the_spec_shape(string json, string error)
    {
        var response = await server.CreateClient().PostRawAsync("/v1/signin/idtoken", json);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(error, (await response.JsonAsync()).Str("error"));
    }

    [Fact]
    public async Task Link_connects_the_token_and_the_identity_then_signs_in_to_that_account()
    {
        var client = server.CreateClient();
        var session = await client.SignUpAsync();
        var sub = NewSub();

        var link = await client.PostJsonAsync("/v1/link/idtoken", new { provider = "apple", idToken = Token(sub, "relay@privaterelay.appleid.com", "n"), nonce = "n" }, session.AccessToken());

        Assert.Equal(HttpStatusCode.OK, link.StatusCode);
        Assert.Equal("OK", (await link.JsonAsync()).GetString());
        var signIn = await SignInAsync(Token(sub, "relay@privaterelay.appleid.com", "m"), "m");
        Assert.Equal(session.GetProperty("user").Str("id"), (await signIn.JsonAsync()).GetProperty("session").GetProperty("user").Str("id"));
    }

    [Fact]
    public async Task Linking_an_identity_already_linked_to_another_user_is_refused()
    {
        var sub = NewSub();
        Assert.Equal(HttpStatusCode.OK, (await SignInAsync(Token(sub, Accounts.NewEmail("owner"), "n"), "n")).StatusCode);
        var client = server.CreateClient();
        var session = await client.SignUpAsync();

        var link = await client.PostJsonAsync("/v1/link/idtoken", new { provider = "apple", idToken = Token(sub, Accounts.NewEmail("other"), "n"), nonce = "n" }, session.AccessToken());

        Assert.Equal(HttpStatusCode.Conflict, link.StatusCode);
        Assert.Equal("invalid-request", (await link.JsonAsync()).Str("error"));
    }

    [Fact]
    public async Task Link_needs_a_recent_sign_in_and_a_bearer()
    {
        var client = server.CreateClient();
        var session = await client.SignUpAsync();
        server.Clock.Advance(TimeSpan.FromMinutes(6)); // past Latchkey:StepUp:MaxAge (5 minutes), within the access token's life
        var body = new { provider = "apple", idToken = Token(NewSub(), Accounts.NewEmail("late"), "n"), nonce = "n" };

        var stale = await client.PostJsonAsync("/v1/link/idtoken", body, session.AccessToken());
        var anonymous = await client.PostJsonAsync("/v1/link/idtoken", body);

        Assert.Equal(HttpStatusCode.Unauthorized, stale.StatusCode);
        Assert.Equal("invalid-request", (await stale.JsonAsync()).Str("error"));
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    private Task<HttpResponseMessage> SignInAsync(string idToken, string? nonce, object? options = null) =>
        server.CreateClient().PostJsonAsync("/v1/signin/idtoken", new { provider = "apple", idToken, nonce, options });

    private string Token(string sub, string email, string? nonce, string audience = SocialServer.AppleWebClientId) =>
        AppleIdTokens.Issue(server.GitHub, server.Clock, sub, email, nonce, audience);

    private static string NewSub() => Guid.NewGuid().ToString("N");

    private static string Sha256Hex(string value) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)));
}

/// <summary>With sign-up closed, a provider cannot open accounts through the Nhost surface either.</summary>
public sealed class NhostClosedSignUpTests(NhostClosedSignUpTests.Server server) : IClassFixture<NhostClosedSignUpTests.Server>
{
    public sealed class Server : SocialServer
    {
        protected override void Configure(IDictionary<string, string?> settings)
        {
            base.Configure(settings);
            settings["Latchkey:SignUp:Enabled"] = "false";
        }
    }

    [Fact]
    public async Task A_new_account_through_a_provider_redirect_is_refused_with_signup_disabled()
    {
        var landed = await server.CreateClient().ProviderSignInAsync(server, "google", UpstreamUser.New(), "redirectTo=" + Uri.EscapeDataString(SocialServer.AppRedirect));
        Assert.Equal("signup-disabled", landed.Query("error"));
        Assert.Null(landed.Query("refreshToken"));
    }

    [Fact]
    public async Task A_new_account_through_an_id_token_is_refused_with_signup_disabled()
    {
        var token = AppleIdTokens.Issue(server.GitHub, server.Clock, Guid.NewGuid().ToString("N"), Accounts.NewEmail("closed"), "n");
        var response = await server.CreateClient().PostJsonAsync("/v1/signin/idtoken", new { provider = "apple", idToken = token, nonce = "n" });
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("signup-disabled", (await response.JsonAsync()).Str("error"));
    }
}
