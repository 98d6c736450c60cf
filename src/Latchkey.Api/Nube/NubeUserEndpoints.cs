using Latchkey.Api.Authentication;
using Latchkey.Api.Common;
using Latchkey.Api.Nube.Contracts;
using Latchkey.Core.Common;
using Latchkey.Core.Users;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Latchkey.Api.Nube;

/// <summary><c>/v1/users/me</c>: the caller's own account (any credential may read it; changes need a session).</summary>
public static class NubeUserEndpoints
{
    public static void MapNubeUsers(this RouteGroupBuilder v1)
    {
        var me = v1.MapGroup("/users/me").WithTags("Nube: users");
        me.MapGet("", Get).RequireAuthorization(LatchkeyAuthentication.AnyCredential);
        me.MapPatch("", Update).RequireAuthorization(LatchkeyAuthentication.SessionRequired);
    }

    private static async Task<IResult> Get(IUserStore users, HttpContext http, CancellationToken ct) =>
        await users.FindByIdAsync(http.Caller().UserId, ct) is { } user
            ? NubeResults.Ok(http, NubeUser.From(user))
            : NubeResults.Error(http, new AuthError(AuthErrorCodes.Unauthenticated, "Authentication required"));

    private static async Task<IResult> Update(UpdateMeRequest? body, ProfileUpdateService profiles, HttpContext http, CancellationToken ct)
    {
        if (body is null) return NubeResults.Error(http, new AuthError(AuthErrorCodes.InvalidRequest, "A JSON object body is required"));
        var change = new ProfileChange(body.FirstName, body.LastName, body.DisplayName, body.Locale, body.Metadata);
        var result = await profiles.UpdateAsync(http.Caller().UserId, change, http.RequestContext(), ct);
        return NubeResults.From(http, result, NubeUser.From);
    }
}
