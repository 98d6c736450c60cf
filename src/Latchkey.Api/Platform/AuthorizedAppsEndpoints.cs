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
    /// Every signing key rotates, as with <c>latchkey keys rotate</c> (one core service): the seed's RS256 id-token
    /// keypair, the ES256 one, and the access-token key. Each old public key stays in JWKS until its tokens expire.
    /// </summary>
    private static async Task<IResult> RotateKeys(SigningKeyRotation rotation, HttpContext http, CancellationToken ct)
    {
        var rotated = await rotation.RotateAllAsync(http.Caller().UserId, http.RequestContext(), "admin API", ct);
        return Results.Ok(new OidcKeyRotatedResponse(true, rotated.IdKeyId, SigningKeyRing.IdTokenAlgorithm, "OIDC signing key rotated",
            rotated.IdEs256KeyId, rotated.AccessKeyId));
    }
}
