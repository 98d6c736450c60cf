using Latchkey.Api.Authentication;
using Latchkey.Api.Common;
using Latchkey.Api.Platform.Contracts;
using Latchkey.Core.OAuth;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Latchkey.Api.Platform;

/// <summary>
/// <c>POST .../oauth-clients/{id}/rotate-secret</c> in the developer and admin consoles: a new secret, shown
/// once, while the old one keeps working for <c>Latchkey:OAuth:SecretRotationGracePeriod</c>.
/// </summary>
public static class OAuthClientSecretEndpoints
{
    public static void MapOAuthClientSecretRotation(this RouteGroupBuilder clients, bool admin) =>
        clients.MapPost("/{id:guid}/rotate-secret", (Guid id, OAuthClientService s, HttpContext h, CancellationToken ct) =>
            RotateAsync(id, s, h, admin ? null : h.Caller().UserId, ct));

    private static async Task<IResult> RotateAsync(Guid id, OAuthClientService clients, HttpContext http, Guid? owner, CancellationToken ct)
    {
        var rotated = await clients.RotateSecretAsync(id, owner, http.RequestContext(), ct);
        if (!rotated.IsSuccess) return PlatformErrors.Instance.ToResult(rotated.Error);
        var r = rotated.Value;
        var message = r.PreviousSecretExpiresAt is null
            ? "Secret rotated; store the new secret now, it is not shown again. The old secret no longer works"
            : "Secret rotated; store the new secret now, it is not shown again. The old secret works until previousSecretExpiresAt";
        return Results.Ok(new OAuthClientSecretRotatedResponse(true, OAuthClientView.From(r.Client), r.ClientSecret, r.PreviousSecretExpiresAt, message));
    }
}
