using Latchkey.Api.Authentication;
using Latchkey.Api.Common;
using Latchkey.Api.Nube.Contracts;
using Latchkey.Api.RateLimiting;
using Latchkey.Core.Account;
using Latchkey.Core.Common;
using Latchkey.Core.Users;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace Latchkey.Api.Nube;

/// <summary>
/// <c>/v1/users/me</c>: the caller's own account (any credential may read it; changes need a session). Changes
/// go through the account core every surface shares: <see cref="ProfileService"/> and <see cref="AccountDeletionService"/>.
/// </summary>
public static class NubeUserEndpoints
{
    public static void MapNubeUsers(this RouteGroupBuilder v1)
    {
        var me = v1.MapGroup("/users/me").WithTags("Nube: users");
        me.MapGet("", Get).RequireAuthorization(LatchkeyAuthentication.AnyCredential);
        me.MapPatch("", Update).RequireAuthorization(LatchkeyAuthentication.SessionRequired);
        // The password is a guessable proof: the surface's auth budget (10 a minute) applies, as to a sign-in.
        me.MapDelete("", Delete).RequireAuthorization(LatchkeyAuthentication.SessionRequired).RateLimited(RateLimitPolicies.TwoFactor);
    }

    private static async Task<IResult> Get(IUserStore users, HttpContext http, CancellationToken ct) =>
        await users.FindByIdAsync(http.Caller().UserId, ct) is { } user
            ? NubeResults.Ok(http, NubeUser.From(user))
            : NubeResults.Error(http, new AuthError(AuthErrorCodes.Unauthenticated, "Authentication required"));

    private static async Task<IResult> Update(UpdateMeRequest? body, ProfileService profiles, HttpContext http, CancellationToken ct)
    {
        if (body is null) return NubeResults.Error(http, new AuthError(AuthErrorCodes.InvalidRequest, "A JSON object body is required"));
        var update = new ProfileUpdate(FirstName: body.FirstName, LastName: body.LastName, DisplayName: body.DisplayName, Locale: body.Locale, Metadata: body.Metadata);
        var result = await profiles.UpdateAsync(http.Caller().UserId, update, http.RequestContext(), ct);
        return result.IsSuccess ? NubeResults.Ok(http, NubeUser.From(result.Value.User)) : NubeResults.Error(http, NubeFieldNames.Camel(result.Error));
    }

    private static async Task<IResult> Delete([FromBody] DeleteMeRequest? body, AccountDeletionService deletion, HttpContext http, CancellationToken ct)
    {
        var caller = http.Caller();
        var result = await deletion.DeleteAsync(caller.UserId, caller.SessionId, body?.CurrentPassword, http.RequestContext(), ct);
        return result.IsSuccess ? NubeResults.Ok(http, new DeletedAccount(caller.UserId, true)) : NubeResults.Error(http, result.Error);
    }
}
