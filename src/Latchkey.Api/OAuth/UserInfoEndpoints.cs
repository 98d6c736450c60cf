using Latchkey.Api.Common.Cors;
using Latchkey.Core.Common;
using Latchkey.Core.OAuth;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Latchkey.Api.OAuth;

/// <summary><c>GET|POST /api/oauth/userinfo</c> (OIDC Core §5.3) with the bearer token in the Authorization header.</summary>
public static class UserInfoEndpoints
{
    public static void MapOAuthUserInfo(this RouteGroupBuilder oauth) =>
        oauth.MapMethods("/userinfo", [HttpMethods.Get, HttpMethods.Post], UserInfo).WithCors(CorsRule.OAuthClients("GET, POST"));

    private static async Task<IResult> UserInfo(UserInfoService userInfo, HttpContext http, CancellationToken ct)
    {
        var header = http.Request.Headers.Authorization.ToString();
        var bearer = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : null;
        var result = await userInfo.GetAsync(bearer, ct);
        if (result.IsSuccess) return Results.Json(result.Value.ToDictionary());
        // RFC 6750 §3: the challenge names the problem.
        var code = result.Error.Code == AuthErrorCodes.InsufficientScope ? "insufficient_scope" : "invalid_token";
        http.Response.Headers.WWWAuthenticate = bearer is null ? "Bearer realm=\"latchkey\"" : $"Bearer realm=\"latchkey\", error=\"{code}\"";
        return OAuthErrors.Instance.ToResult(result.Error);
    }
}
