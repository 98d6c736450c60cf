using Latchkey.Core.Common;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Latchkey.Core.Tokens;

/// <summary>
/// Verifies access tokens against the in-memory key ring: signature, algorithm, issuer and lifetime.
/// No database: whether the session is still active is the caller's separate, cached question.
/// </summary>
public sealed class AccessTokenValidator
{
    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };
    private readonly TokenValidationParameters _parameters;
    private readonly TimeProvider _clock;
    private readonly TimeSpan _skew;

    public AccessTokenValidator(SigningKeyRing keys, IOptions<TokenOptions> tokenOptions, IOptions<LatchkeyOptions> latchkeyOptions, TimeProvider clock)
    {
        _clock = clock;
        _skew = tokenOptions.Value.ClockSkew;
        _parameters = new TokenValidationParameters
        {
            ValidIssuer = latchkeyOptions.Value.PublicUrl,
            ValidateAudience = false,
            // Lifetime is checked below against the injected clock, so tests can move time.
            ValidateLifetime = false,
            // HS256 verifies only with a configured shared secret (Nhost/Hasura compatibility); tokens
            // signed with it carry no kid, every asymmetric token does.
            ValidAlgorithms = [SecurityAlgorithms.EcdsaSha256, SecurityAlgorithms.RsaSha256, SecurityAlgorithms.HmacSha256],
            IssuerSigningKeyResolver = (_, _, kid, _) =>
                string.IsNullOrEmpty(kid) ? keys.SymmetricKeys : keys.FindKey(kid) is { } key ? [key] : [],
            RequireSignedTokens = true,
            RequireExpirationTime = true,
        };
    }

    public async Task<AccessTokenClaims?> ValidateAsync(string token)
    {
        if (token.Length > 8192 || !_handler.CanReadToken(token)) return null;
        var result = await _handler.ValidateTokenAsync(token, _parameters);
        if (!result.IsValid || result.SecurityToken is not JsonWebToken jwt) return null;

        var now = _clock.GetUtcNow().UtcDateTime;
        if (jwt.ValidTo == DateTime.MinValue || jwt.ValidTo + _skew <= now) return null;
        if (!jwt.TryGetPayloadValue<string>("sub", out var sub) || !Guid.TryParse(sub, out var userId)) return null;
        if (!jwt.TryGetPayloadValue<string>("sid", out var sid) || !Guid.TryParse(sid, out var sessionId)) return null;
        jwt.TryGetPayloadValue<string>("email", out var email);
        jwt.TryGetPayloadValue<string>("role", out var role);
        return new AccessTokenClaims(userId, sessionId, email, role ?? "user", jwt.ValidTo);
    }
}
