using Latchkey.Core.OAuth;
using Xunit;

namespace Latchkey.Core.Tests.OAuth;

/// <summary>The small protocol rules: scope syntax, PKCE S256, user codes, registrable URIs.</summary>
public sealed class OAuthRulesTests
{
    [Fact]
    public void Scopes_parse_distinct_in_order_and_reject_bad_characters()
    {
        Assert.Equal(["openid", "email"], Scopes.Parse("openid  email openid"));
        Assert.Empty(Scopes.Parse(null)!);
        Assert.Null(Scopes.Parse("openid \"x\""));
        Assert.True(Scopes.IsSubset(["email"], "openid email"));
        Assert.False(Scopes.IsSubset(["email", "phone"], "openid email"));
    }

    [Fact]
    public void Pkce_verifies_the_RFC_7636_example_and_refuses_everything_else()
    {
        // RFC 7636 Appendix B.
        const string verifier = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
        const string challenge = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";
        Assert.True(Pkce.Verify(verifier, challenge));
        Assert.False(Pkce.Verify(verifier[..^1] + "l", challenge));
        Assert.False(Pkce.Verify(null, challenge));
        Assert.False(Pkce.Verify("short", challenge));
        Assert.False(Pkce.Verify(challenge, challenge));
    }

    [Fact]
    public void User_codes_are_typed_forgivingly_but_only_from_their_alphabet()
    {
        var code = UserCodes.New();
        Assert.Matches("^[BCDFGHJKLMNPQRSTVWXZ]{4}-[BCDFGHJKLMNPQRSTVWXZ]{4}$", code);
        Assert.Equal(code.Replace("-", ""), UserCodes.Normalize(" " + code.ToLowerInvariant().Replace("-", " ")));
        Assert.Null(UserCodes.Normalize("AAAA-AAAA"));
        Assert.Null(UserCodes.Normalize("BCDF-GHJ"));
    }

    [Theory]
    [InlineData("https://app.example.com/cb", true)]
    [InlineData("http://127.0.0.1:8080/cb", true)]
    [InlineData("http://localhost/cb", true)]
    [InlineData("com.example.app:/oauth", true)]
    [InlineData("http://app.example.com/cb", false)]
    [InlineData("https://app.example.com/cb#frag", false)]
    [InlineData("javascript:alert(1)", false)]
    [InlineData("/relative", false)]
    public void Redirect_uris_must_be_safe_to_register(string uri, bool valid) => Assert.Equal(valid, ClientUris.IsValidRedirect(uri));
}
