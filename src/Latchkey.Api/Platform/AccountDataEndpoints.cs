using Latchkey.Api.Authentication;
using Latchkey.Api.Common;
using Latchkey.Api.Platform.Contracts;
using Latchkey.Api.RateLimiting;
using Latchkey.Core.Account;
using Latchkey.Core.Sessions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace Latchkey.Api.Platform;

/// <summary><c>GET /api/user/export</c> (data portability) and <c>DELETE /api/user/delete</c> (erasure), both for a signed-in person.</summary>
public static class AccountDataEndpoints
{
    public static void MapPlatformAccountData(this RouteGroupBuilder user)
    {
        user.MapGet("/export", Export).RequireAuthorization(LatchkeyAuthentication.SessionRequired).RateLimited(RateLimitPolicies.Export);
        user.MapDelete("/delete", Delete).RequireAuthorization(LatchkeyAuthentication.SessionRequired).RateLimited(RateLimitPolicies.TwoFactor);
    }

    private static async Task<IResult> Export(AccountExportService export, HttpContext http, CancellationToken ct)
    {
        var caller = http.Caller();
        var result = await export.ExportAsync(caller.UserId, http.RequestContext(), ct);
        if (!result.IsSuccess) return PlatformErrors.Instance.ToResult(result.Error);
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"latchkey-account-{caller.UserId}.json\"";
        return Results.Json(result.Value);
    }

    // The password is a guessable proof: the 2FA budget applies, as it does to step-up.
    private static async Task<IResult> Delete([FromBody] AccountDeleteRequest? body, AccountDeletionService deletion, SessionCookie cookie, HttpContext http, CancellationToken ct)
    {
        var caller = http.Caller();
        var result = await deletion.DeleteAsync(caller.UserId, caller.SessionId, body?.Password ?? body?.CurrentPassword, http.RequestContext(), ct);
        if (!result.IsSuccess) return PlatformErrors.Instance.ToResult(result.Error);
        cookie.Clear(http);
        return Results.Ok(new MessageResponse(true, "Your account and its data were deleted"));
    }
}
