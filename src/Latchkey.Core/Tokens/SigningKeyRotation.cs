using Latchkey.Core.Audit;
using Latchkey.Core.Common;
using Latchkey.Core.OAuth;
using Microsoft.Extensions.Options;

namespace Latchkey.Core.Tokens;

/// <summary>
/// Rotates every asymmetric signing key (access tokens, and both id-token keys) for an operator's
/// <c>latchkey keys rotate</c>: each old public key stays in JWKS until the last token it signed expires, and every
/// node picks the new keys up at its next key refresh.
/// </summary>
public sealed class SigningKeyRotation(SigningKeyRing keys, IOptions<TokenOptions> tokens, IOptions<OAuthOptions> oauth,
    ActivityLog activity, IUnitOfWork unitOfWork)
{
    public async Task<IReadOnlyList<(string Purpose, string KeyId)>> RotateAllAsync(CancellationToken ct)
    {
        var rotated = new List<(string, string)>
        {
            (SigningKeyRing.AccessPurpose, await keys.RotateAsync(SigningKeyRing.AccessPurpose, tokens.Value.AccessTokenLifetime, ct)),
        };
        foreach (var purpose in SigningKeyRing.IdPurposes)
            rotated.Add((purpose, await keys.RotateAsync(purpose, oauth.Value.IdTokenLifetime, ct)));
        activity.Record(ActivityTypes.OidcKeyRotated, null, RequestContext.Unknown,
            details: new { source = "command line", keyIds = rotated.Select(r => r.Item2).ToArray() });
        await unitOfWork.SaveChangesAsync(ct);
        return rotated;
    }
}
