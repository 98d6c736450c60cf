using Latchkey.Api.Authentication;
using Latchkey.Api.Common;
using Latchkey.Api.Platform.Contracts;
using Latchkey.Core.Audit;
using Latchkey.Core.Common;
using Latchkey.Core.Credentials;
using Latchkey.Core.Sessions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Latchkey.Api.Platform;

/// <summary><c>/api/user/*</c>: sessions, password, activity.</summary>
public static class UserEndpoints
{
    public const int MaxActivityPageSize = 100;

    public static void MapPlatformUser(this RouteGroupBuilder api)
    {
        var user = api.MapGroup("/user").WithTags("Platform: user");
        user.MapGet("/sessions", ListSessions).RequireAuthorization(LatchkeyAuthentication.AnyCredential);
        user.MapPost("/sessions/revoke-all", RevokeAll).RequireAuthorization(LatchkeyAuthentication.SessionRequired);
        user.MapPost("/password", ChangePassword).RequireAuthorization(LatchkeyAuthentication.SessionRequired);
        user.MapGet("/activity", Activity).RequireAuthorization(LatchkeyAuthentication.AnyCredential);
        user.MapPlatformEmailChange();
        user.MapPlatformPhone();
        user.MapPlatformConnectedServices();
        user.MapPlatformProfile();
        user.MapPlatformAccountData();
    }

    private static async Task<IResult> ListSessions(SessionService sessions, HttpContext http, CancellationToken ct)
    {
        var caller = http.Caller();
        var list = await sessions.ListActiveAsync(caller.UserId, ct);
        return Results.Ok(new SessionsResponse(true, list.Select(s => SessionView.From(s, caller.SessionId)).ToList()));
    }

    private static async Task<IResult> RevokeAll(SessionService sessions, HttpContext http, CancellationToken ct)
    {
        var caller = http.Caller();
        var count = await sessions.RevokeOthersAsync(caller.UserId, caller.SessionId, http.RequestContext(), ct);
        return Results.Ok(new RevokeAllResponse(true, count, $"Signed out {count} other session(s)"));
    }

    private static async Task<IResult> ChangePassword(ChangePasswordRequest body, PasswordChangeService passwords, HttpContext http, CancellationToken ct)
    {
        var caller = http.Caller();
        var result = await passwords.ChangeAsync(caller.UserId, caller.SessionId, body.CurrentPassword, body.NewPassword, http.RequestContext(), ct);
        return result.IsSuccess
            ? Results.Ok(new PasswordChangedResponse(true, "Password changed; other sessions were signed out", result.Value))
            : PlatformErrors.Instance.ToResult(result.Error);
    }

    private static async Task<IResult> Activity(int? page, int? limit, IActivityStore activity, HttpContext http, CancellationToken ct)
    {
        var (p, l) = (page ?? 1, limit ?? 20);
        if (p < 1 || l < 1 || l > MaxActivityPageSize)
            return PlatformErrors.Instance.ToResult(AuthError.Validation($"page must be at least 1 and limit between 1 and {MaxActivityPageSize}"));
        var (items, total) = await activity.ListForUserAsync(http.Caller().UserId, p, l, ct);
        var pages = (total + l - 1) / l;
        return Results.Ok(new ActivityResponse(true, items.Select(ActivityView.From).ToList(), new Pagination(p, l, total, pages)));
    }
}
