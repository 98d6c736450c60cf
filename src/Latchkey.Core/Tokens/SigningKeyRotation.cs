using Latchkey.Core.Audit;
using Latchkey.Core.Common;
using Latchkey.Core.OAuth;
using Microsoft.Extensions.Options;

namespace Latchkey.Core.Tokens;

/// <summary>
/// The one signing-key rotation, for the operator's <c>latchkey keys rotate</c> and the administrator's
/// <c>POST /api/admin/oidc-keys</c> alike: every asymmetric signing key (access tokens, and both id-token keys) is
/// replaced, each old public key stays in JWKS until the last token it signed expires, and every node picks the new
/// keys up through the change feed. One activity row names who rotated and the new key ids.
/// </summary>
public sealed class SigningKeyRotation(SigningKeyRing keys, IOptions<TokenOptions> tokens, IOptions<OAuthOptions> oauth,
    ActivityLog activity, IUnitOfWork unitOfWork)
{
    public sealed record Rotated(string AccessKeyId, string IdKeyId, string IdEs256KeyId)
    {
        public IReadOnlyList<(string Purpose, string KeyId)> ByPurpose =>
            [(SigningKeyRing.AccessPurpose, AccessKeyId), (SigningKeyRing.IdPurpose, IdKeyId), (SigningKeyRing.IdEs256Purpose, IdEs256KeyId)];
    }

    /// <param name="actorUserId">The administrator, or null for the command line.</param>
    /// <param name="source">Where the rotation came from, for the activity log ("command line", "admin API").</param>
    public async Task<Rotated> RotateAllAsync(Guid? actorUserId, RequestContext context, string source, CancellationToken ct)
    {
        var rotated = new Rotated(
            await keys.RotateAsync(SigningKeyRing.AccessPurpose, tokens.Value.AccessTokenLifetime, ct),
            await keys.RotateAsync(SigningKeyRing.IdPurpose, oauth.Value.IdTokenLifetime, ct),
            await keys.RotateAsync(SigningKeyRing.IdEs256Purpose, oauth.Value.IdTokenLifetime, ct));
        activity.Record(ActivityTypes.OidcKeyRotated, actorUserId, context,
            details: new { source, keyIds = rotated.ByPurpose.Select(r => r.KeyId).ToArray() });
        await unitOfWork.SaveChangesAsync(ct);
        return rotated;
    }
}
