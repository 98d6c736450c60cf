using Latchkey.Core.Common;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Latchkey.Core.OAuth;

/// <summary>
/// <c>private_key_jwt</c> (RFC 7523 §3, OIDC Core §9): a JWT signed with a key from the client's registered
/// JWK Set, iss = sub = client_id, aud naming this server, short-lived, and each jti accepted once.
/// </summary>
public sealed class ClientAssertionValidator(IOptions<OAuthOptions> options, IOptions<LatchkeyOptions> latchkey, TimeProvider clock)
{
    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };
    // Replay protection for jti within the assertion's lifetime. Per node: with several nodes an
    // assertion could be replayed once per node inside its few minutes (documented in docs/oidc.md).
    private readonly MemoryCache _seen = new(new MemoryCacheOptions { SizeLimit = 100_000 });

    public static string? ReadIssuer(string assertion)
    {
        try
        {
            return new JsonWebToken(assertion).Issuer is { Length: > 0 } iss ? iss : null;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    public async Task<bool> ValidateAsync(OAuthClient client, string assertion)
    {
        if (client.Jwks is null || assertion.Length > 8192) return false;
        var issuer = latchkey.Value.PublicUrl!;
        var parameters = new TokenValidationParameters
        {
            ValidIssuer = client.ClientId,
            ValidAudiences = [issuer, issuer + "/api/oauth/token", issuer + "/api/oauth/introspect", issuer + "/api/oauth/revoke", issuer + "/api/oauth/device"],
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.EcdsaSha256, SecurityAlgorithms.RsaSsaPssSha256],
            IssuerSigningKeys = new JsonWebKeySet(client.Jwks).Keys,
            ValidateLifetime = false, // checked below against the injected clock
            RequireExpirationTime = true,
            RequireSignedTokens = true,
        };
        var result = await _handler.ValidateTokenAsync(assertion, parameters);
        if (!result.IsValid || result.SecurityToken is not JsonWebToken jwt) return false;
        var now = clock.GetUtcNow().UtcDateTime;
        if (jwt.Subject != client.ClientId || string.IsNullOrEmpty(jwt.Id)) return false;
        if (jwt.ValidTo <= now || jwt.ValidTo - now > options.Value.MaxClientAssertionLifetime) return false;
        var key = client.ClientId + "\n" + jwt.Id;
        lock (_seen)
        {
            if (_seen.TryGetValue(key, out _)) return false;
            _seen.Set(key, true, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpiration = jwt.ValidTo.AddMinutes(1) });
        }
        return true;
    }
}
