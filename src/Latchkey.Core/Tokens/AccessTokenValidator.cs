using Latchkey.Core.Common;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Latchkey.Core.Tokens;

/// <summary>
/// Verifies access tokens against the in-memory key ring: signature, algorithm, issuer and lifetime.
/// No database: whether the session is still active is the caller's separate, cached question, and tokens
/// with a jti are checked against the in-memory <see cref="AccessTokenRevocationList"/>.
/// </summary>
public sealed class AccessTokenValidator
{
    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };
    private readonly TokenValidationParameters _parameters;
    private readonly TimeProvider _clock;
    private readonly TimeSpan _skew;
    private readonly AccessTokenRevocationList _revoked;

    public AccessTokenValidator(
        SigningKeyRing keys, AccessTokenRevocationList revoked, IOptions<TokenOptions> tokenOptions, IOptions<LatchkeyOptions> latchkeyOptions, TimeProvider clock)
    {
        _clock = clock;
        _revoked = revoked;
        _skew = tokenOptions.Value.ClockSkew;
        _parameters = new TokenValidationParameters
        {
            ValidIssuer = latchkeyOptions.Value.PublicUrl,
            ValidateAudience = false,
            // Lifetime is checked below against the injected clock, so tests can move time.
            ValidateLifetime = false,
            // HS256 verifies only with a configured shared secret (Nhost/Hasura compatibility); tokens
            // signed with it carry no kid, every asymmetric token does. Access and Nhost keys verify, id-token keys never.
            ValidAlgorithms = [SecurityAlgorithms.EcdsaSha256, SecurityAlgorithms.RsaSha256, SecurityAlgorithms.HmacSha256],
            IssuerSigningKeyResolver = (_, _, kid, _) =>
                string.IsNullOrEmpty(kid) ? keys.SymmetricKeys
                : (keys.FindKey(kid, SigningKeyRing.AccessPurpose) ?? keys.FindKey(kid, HasuraJwtOptions.KeyPurpose)) is { } key ? [key] : [],
            RequireSignedTokens = true,
            RequireExpirationTime = true,
        };
    }

    /// <summary>A first-party access token; OAuth client tokens (they carry client_id) are refused.</summary>
    public async Task<AccessTokenClaims?> ValidateAsync(string token)
    {
        var jwt = await ReadAsync(token);
        if (jwt is null || jwt.TryGetPayloadValue<string>("client_id", out _)) return null;
        if (!jwt.TryGetPayloadValue<string>("sub", out var sub) || !Guid.TryParse(sub, out var userId)) return null;
        if (!jwt.TryGetPayloadValue<string>("sid", out var sid) || !Guid.TryParse(sid, out var sessionId)) return null;
        jwt.TryGetPayloadValue<string>("email", out var email);
        jwt.TryGetPayloadValue<string>("role", out var role);
        // Signed by us, so the names are the ones GroupRoles.Format wrote; absent when the user holds none.
        var groupRoles = jwt.TryGetPayloadValue<string[]>(DefaultAccessTokenFormat.GroupRolesClaim, out var held) ? string.Join(' ', held) : null;
        return new AccessTokenClaims(userId, sessionId, email, role ?? "user", jwt.ValidTo, groupRoles is { Length: > 0 } ? groupRoles : null);
    }

    /// <summary>An access token issued to an OAuth client (signature, issuer, lifetime checked).</summary>
    public async Task<ClientAccessTokenClaims?> ValidateClientTokenAsync(string token)
    {
        var jwt = await ReadAsync(token);
        if (jwt is null || !jwt.TryGetPayloadValue<string>("client_id", out var clientId)) return null;
        jwt.TryGetPayloadValue<string>("sub", out var sub);
        jwt.TryGetPayloadValue<string>("scope", out var scope);
        Guid? sessionId = jwt.TryGetPayloadValue<string>("sid", out var sid) && Guid.TryParse(sid, out var s) ? s : null;
        Guid? userId = Guid.TryParse(sub, out var u) && sessionId is not null ? u : null;
        return new ClientAccessTokenClaims(sub ?? clientId, userId, sessionId, clientId, scope ?? "", jwt.IssuedAt, jwt.ValidTo, jwt.Id, jwt.Audiences.FirstOrDefault());
    }

    private async Task<JsonWebToken?> ReadAsync(string token)
    {
        if (token.Length > 8192 || !_handler.CanReadToken(token)) return null;
        var result = await _handler.ValidateTokenAsync(token, _parameters);
        if (!result.IsValid || result.SecurityToken is not JsonWebToken jwt) return null;
        var now = _clock.GetUtcNow().UtcDateTime;
        if (jwt.ValidTo == DateTime.MinValue || jwt.ValidTo + _skew <= now) return null;
        return jwt.Id is { Length: > 0 } jti && await _revoked.IsRevokedAsync(jti) ? null : jwt;
    }
}
