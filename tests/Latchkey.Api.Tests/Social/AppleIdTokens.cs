using Microsoft.IdentityModel.Tokens;

namespace Latchkey.Api.Tests.Social;

/// <summary>Apple-shaped ID tokens signed by the fake upstream's published key (or <c>key</c>), times from the server's clock.</summary>
public static class AppleIdTokens
{
    public const string Issuer = "https://appleid.apple.com";

    public static string Issue(FakeGitHub upstream, TimeProvider clock, string sub, string email, string? nonce, string audience = FakeGitHub.AppleClientId,
        string issuer = Issuer, DateTime? expires = null, SecurityKey? key = null, bool emailVerified = true)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var claims = new Dictionary<string, object>
        {
            ["iss"] = issuer, ["aud"] = audience, ["sub"] = sub, ["email"] = email,
            // Apple sends email_verified as a string.
            ["email_verified"] = emailVerified ? "true" : "false",
            ["iat"] = EpochTime.GetIntDate(now.AddMinutes(-1)),
            ["exp"] = EpochTime.GetIntDate(expires ?? now.AddMinutes(10)),
        };
        if (nonce is not null) claims["nonce"] = nonce;
        return upstream.IssueIdToken(claims, key);
    }
}
