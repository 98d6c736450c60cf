using Latchkey.Core.Common;
using Latchkey.Core.Tokens;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Latchkey.Core.OAuth;

/// <summary>
/// Reads an <c>id_token_hint</c> (authorize, end-session): it must be an id token we signed, for our
/// issuer. An expired one is still a valid hint (OIDC RP-Initiated Logout §2), so lifetime is not checked.
/// </summary>
public sealed class IdTokenHintReader
{
    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };
    private readonly TokenValidationParameters _parameters;

    public IdTokenHintReader(SigningKeyRing keys, IOptions<LatchkeyOptions> latchkey)
    {
        _parameters = new TokenValidationParameters
        {
            ValidIssuer = latchkey.Value.PublicUrl,
            ValidateAudience = false,
            ValidateLifetime = false,
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.EcdsaSha256],
            IssuerSigningKeyResolver = (_, _, kid, _) => keys.FindKey(kid, SigningKeyRing.IdPurposes) is { } key ? [key] : [],
            RequireSignedTokens = true,
        };
    }

    public async Task<IdTokenHint?> ReadAsync(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 8192 || !_handler.CanReadToken(token)) return null;
        var result = await _handler.ValidateTokenAsync(token, _parameters);
        if (!result.IsValid || result.SecurityToken is not JsonWebToken jwt) return null;
        if (!jwt.TryGetPayloadValue<string>("sub", out var sub) || !Guid.TryParse(sub, out var userId)) return null;
        Guid? sid = jwt.TryGetPayloadValue<string>("sid", out var s) && Guid.TryParse(s, out var g) ? g : null;
        return new IdTokenHint(userId, sid, jwt.Audiences.ToList());
    }
}

public sealed record IdTokenHint(Guid UserId, Guid? BrowserSessionId, IReadOnlyList<string> Audiences);
