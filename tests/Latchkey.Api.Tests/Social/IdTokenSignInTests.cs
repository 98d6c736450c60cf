using System.Net;
using System.Security.Cryptography;
using System.Text;
using Latchkey.Api.Tests.Infrastructure;
using Microsoft.IdentityModel.Tokens;
using Xunit;

namespace Latchkey.Api.Tests.Social;

/// <summary>
/// <c>POST /api/auth/oauth/idtoken</c> with Apple-style ID tokens signed by a local key that the fake
/// upstream publishes as "apple"'s JWKS: signature, issuer, audience, expiry and nonce are all checked.
/// </summary>
public sealed class IdTokenSignInTests(SocialServer server) : IClassFixture<SocialServer>
{
    private const string AppleIssuer = AppleIdTokens.Issuer;

    [Fact]
    public async Task Valid_token_with_hashed_nonce_signs_in_and_returning_user_gets_the_same_account()
    {
        var (sub, email, nonce) = (Guid.NewGuid().ToString("N"), Accounts.NewEmail("apple"), "raw-nonce-" + Guid.NewGuid());
        var client = server.CreateClient();

        var response = await client.PostJsonAsync("/api/auth/oauth/idtoken", new { provider = "apple", idToken = Token(sub, email, Sha256Hex(nonce)), nonce });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var user = (await response.JsonAsync()).GetProperty("user");
        Assert.Equal(email, user.Str("email"));
        Assert.True(user.GetProperty("emailVerified").GetBoolean());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/auth/me")).StatusCode);

        var again = await server.CreateClient().PostJsonAsync("/api/auth/oauth/idtoken", new { provider = "apple", idToken = Token(sub, email, nonce), nonce });
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(user.Str("id"), (await again.JsonAsync()).GetProperty("user").Str("id"));
    }

    [Fact]
    public async Task The_ios_bundle_id_is_an_accepted_audience()
    {
        var token = Token(Guid.NewGuid().ToString("N"), Accounts.NewEmail("ios"), null, audience: SocialServer.AppleIosBundleId);
        var response = await server.CreateClient().PostJsonAsync("/api/auth/oauth/idtoken", new { provider = "apple", idToken = token });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    public static TheoryData<string, string?> BadTokens => new()
    {
        { "wrong audience", "nonce" },
        { "wrong issuer", "nonce" },
        { "expired", "nonce" },
        { "bad nonce", "another-nonce" },
        { "missing nonce", null },
        { "foreign key", "nonce" },
        { "garbage", "nonce" },
    };

    [Theory]
    [MemberData(nameof(BadTokens))]
    public async Task Invalid_tokens_are_refused_with_401_and_no_session(string kind, string? nonce)
    {
        var (sub, email) = (Guid.NewGuid().ToString("N"), Accounts.NewEmail("bad"));
        var token = kind switch
        {
            "wrong audience" => Token(sub, email, "nonce", audience: "com.someone.else"),
            "wrong issuer" => Token(sub, email, "nonce", issuer: "https://evil.example"),
            "expired" => Token(sub, email, "nonce", expires: DateTime.UtcNow.AddMinutes(-5)),
            "foreign key" => Token(sub, email, "nonce", key: new RsaSecurityKey(RSA.Create(2048)) { KeyId = FakeGitHub.KeyId }),
            "garbage" => "not.a.jwt",
            _ => Token(sub, email, "nonce"),
        };
        var client = server.CreateClient();

        var response = await client.PostJsonAsync("/api/auth/oauth/idtoken", new { provider = "apple", idToken = token, nonce });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var body = await response.JsonAsync();
        Assert.Equal("invalid_id_token", body.Str("code"));
        Assert.False(body.GetProperty("success").GetBoolean());
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/auth/me")).StatusCode);
    }

    [Fact]
    public async Task Expiry_follows_the_server_clock()
    {
        var token = Token(Guid.NewGuid().ToString("N"), Accounts.NewEmail("clock"), null, expires: DateTime.UtcNow.AddMinutes(10));
        server.Clock.Advance(TimeSpan.FromMinutes(15));
        var response = await server.CreateClient().PostJsonAsync("/api/auth/oauth/idtoken", new { provider = "apple", idToken = token });
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("github", "unsupported_provider")]
    [InlineData("nope", "unsupported_provider")]
    public async Task Providers_without_id_tokens_are_refused(string provider, string code)
    {
        var response = await server.CreateClient().PostJsonAsync("/api/auth/oauth/idtoken", new { provider, idToken = "x.y.z" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(code, (await response.JsonAsync()).Str("code"));
    }

    [Fact]
    public async Task Unverified_email_of_an_existing_account_needs_linking_first()
    {
        var email = await server.CreateClient().RegisterAsync();
        var token = Token(Guid.NewGuid().ToString("N"), email, null, emailVerified: false);
        var response = await server.CreateClient().PostJsonAsync("/api/auth/oauth/idtoken", new { provider = "apple", idToken = token });
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("link_required", (await response.JsonAsync()).Str("code"));
    }

    [Fact]
    public async Task Signed_in_user_connects_with_an_id_token()
    {
        var client = server.CreateClient();
        var email = await client.RegisterAsync();
        await client.PlatformLoginAsync(email);
        var sub = Guid.NewGuid().ToString("N");

        var response = await client.PostJsonAsync("/api/user/connected-services/apple/idtoken", new { idToken = Token(sub, "relay@privaterelay.appleid.com", "n"), nonce = "n" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var signIn = await server.CreateClient().PostJsonAsync("/api/auth/oauth/idtoken", new { provider = "apple", idToken = Token(sub, "relay@privaterelay.appleid.com", null) });
        Assert.Equal(email, (await signIn.JsonAsync()).GetProperty("user").Str("email"));
    }

    private string Token(string sub, string email, string? nonce, string audience = SocialServer.AppleWebClientId, string issuer = AppleIssuer,
        DateTime? expires = null, SecurityKey? key = null, bool emailVerified = true) =>
        AppleIdTokens.Issue(server.GitHub, server.Clock, sub, email, nonce, audience, issuer, expires, key, emailVerified);

    private static string Sha256Hex(string value) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)));
}
