using Latchkey.Api.Authentication;
using Latchkey.Api.Common;
using Latchkey.Api.Platform.Contracts;
using Latchkey.Api.RateLimiting;
using Latchkey.Core.Audit;
using Latchkey.Core.Common;
using Latchkey.Core.Admin;
using Latchkey.Core.OAuth;
using Latchkey.Core.Tokens;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace Latchkey.Api.Platform;

/// <summary><c>/api/user/authorized-apps</c> (consents, and withdrawing one) and <c>POST /api/admin/oidc-keys</c>.</summary>
public static class AuthorizedAppsEndpoints
{
    public static void MapPlatformAuthorizedApps(this RouteGroupBuilder api)
    {
        api.MapGet("/user/authorized-apps", List).RequireAuthorization(LatchkeyAuthentication.AnyCredential).WithTags("Platform: user");
        api.MapDelete("/user/authorized-apps/{clientId}", Revoke).RequireAuthorization(LatchkeyAuthentication.SessionRequired).WithTags("Platform: user");
        api.MapPost("/admin/oidc-keys", RotateKeys).RequirePermission(Permissions.KeysRotate).RateLimited(RateLimitPolicies.Admin).WithTags("Platform: admin");
    }

    private static async Task<IResult> List(AuthorizedAppsService apps, HttpContext http, CancellationToken ct)
    {
        var list = await apps.ListAsync(http.Caller().UserId, ct);
        return Results.Ok(new AuthorizedAppsResponse(true, list.Select(a => new AuthorizedAppView(
            a.Client.ClientId, a.Client.Name, a.Client.ClientUri, a.Client.LogoUri, Scopes.Parse(a.Consent.Scope) ?? [],
            a.Consent.CreatedAt, a.Consent.UpdatedAt)).ToList()));
    }

    /// <summary>Withdraws the consent and revokes every token the application holds for this user.</summary>
    private static async Task<IResult> Revoke(string clientId, AuthorizedAppsService apps, HttpContext http, CancellationToken ct)
    {
        var result = await apps.RevokeAsync(http.Caller().UserId, clientId, http.RequestContext(), ct);
        return result.IsSuccess ? Results.Ok(new MessageResponse(true, "Access revoked")) : PlatformErrors.Instance.ToResult(result.Error);
    }

    /// <summary>
    /// A new RS256 id-token key (the seed's keypair) and a new ES256 one for clients that asked for ES256; each old
    /// public key stays in JWKS until the last id token it signed expires.
    /// </summary>
    private static async Task<IResult> RotateKeys(
        SigningKeyRing keys, IOptions<OAuthOptions> oauth, ActivityLog activity, IUnitOfWork unitOfWork, HttpContext http, CancellationToken ct)
    {
        var keyId = await keys.RotateAsync(SigningKeyRing.IdPurpose, oauth.Value.IdTokenLifetime, ct);
        var es256KeyId = await keys.RotateAsync(SigningKeyRing.IdEs256Purpose, oauth.Value.IdTokenLifetime, ct);
        activity.Record(ActivityTypes.OidcKeyRotated, http.Caller().UserId, http.RequestContext(), details: new { keyId, es256KeyId });
        await unitOfWork.SaveChangesAsync(ct);
        return Results.Ok(new OidcKeyRotatedResponse(true, keyId, SigningKeyRing.IdTokenAlgorithm, "OIDC signing key rotated", es256KeyId));
    }
}
