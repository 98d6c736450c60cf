using System.Security.Cryptography;
using System.Text;
using Latchkey.Core.Social;
using Microsoft.AspNetCore.WebUtilities;

namespace Latchkey.Core.Tests.Social;

public sealed class AuthorizationRequestTests
{
    private static SocialProvider Provider(string name, string? scopes = null)
    {
        var d = ProviderCatalog.BuiltIn[name];
        var s = new SocialProviderSettings { ClientId = "client" };
        return new SocialProvider(d, s, d.AuthorizationEndpoint!, d.TokenEndpoint!, d.UserInfoEndpoint, d.JwksUri, d.Issuer,
            (scopes ?? d.Scopes).Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    private static Dictionary<string, string> Query(string url) =>
        QueryHelpers.ParseQuery(new Uri(url).Query).ToDictionary(p => p.Key, p => p.Value.ToString());

    [Fact]
    public void Sends_code_flow_with_pkce_s256_state_and_nonce()
    {
        var q = Query(AuthorizationRequest.Url(Provider("google"), "https://id.example/cb", "st", "verifier-123", "n1"));

        Assert.Equal("code", q["response_type"]);
        Assert.Equal("client", q["client_id"]);
        Assert.Equal("https://id.example/cb", q["redirect_uri"]);
        Assert.Equal("openid email profile", q["scope"]);
        Assert.Equal("st", q["state"]);
        Assert.Equal("n1", q["nonce"]);
        Assert.Equal("S256", q["code_challenge_method"]);
        var expected = Convert.ToBase64String(SHA256.HashData(Encoding.ASCII.GetBytes("verifier-123"))).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        Assert.Equal(expected, q["code_challenge"]);
    }

    [Fact]
    public void Apple_asks_for_a_form_post_callback() =>
        Assert.Equal("form_post", Query(AuthorizationRequest.Url(Provider("apple"), "https://id.example/cb", "s", "v", "n"))["response_mode"]);

    [Fact]
    public void Strava_joins_scopes_with_commas_and_workos_names_authkit()
    {
        Assert.Equal("read,activity:read", Query(AuthorizationRequest.Url(Provider("strava", "read activity:read"), "https://x/cb", "s", "v", null))["scope"]);
        var workos = Query(AuthorizationRequest.Url(Provider("workos"), "https://x/cb", "s", "v", null));
        Assert.Equal("authkit", workos["provider"]);
        Assert.False(workos.ContainsKey("nonce"));
    }
}
