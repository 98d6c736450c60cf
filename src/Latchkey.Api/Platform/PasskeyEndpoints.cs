using Latchkey.Api.Authentication;
using Latchkey.Api.Common;
using Latchkey.Api.Platform.Contracts;
using System.Text.Json;
using Latchkey.Api.RateLimiting;
using Latchkey.Core.Common;
using Latchkey.Core.Passkeys;
using Latchkey.Core.Sessions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Latchkey.Api.Platform;

/// <summary><c>/api/auth/passkey/*</c> and <c>/api/user/passkeys</c>.</summary>
public static class PasskeyEndpoints
{
    public static void MapPlatformPasskeys(this RouteGroupBuilder api)
    {
        var passkey = api.MapGroup("/auth/passkey").WithTags("Platform: passkeys");
        passkey.MapPost("/register-options", RegisterOptions).RequireAuthorization(LatchkeyAuthentication.SessionRequired);
        passkey.MapPost("/register-verify", RegisterVerify).RequireAuthorization(LatchkeyAuthentication.SessionRequired);
        passkey.MapPost("/authenticate-options", AuthenticateOptions);
        passkey.MapPost("/authenticate-verify", AuthenticateVerify).RateLimited(RateLimitPolicies.Login);

        var user = api.MapGroup("/user/passkeys").WithTags("Platform: passkeys");
        user.MapGet("/", List).RequireAuthorization(LatchkeyAuthentication.AnyCredential);
        user.MapDelete("/", Delete).RequireAuthorization(LatchkeyAuthentication.SessionRequired);
    }

    private static async Task<IResult> RegisterOptions(PasskeyService passkeys, HttpContext http, CancellationToken ct)
    {
        var caller = http.Caller();
        var result = await passkeys.RegisterOptionsAsync(caller.UserId, caller.SessionId, http, ct);
        return result.IsSuccess ? Results.Ok(PasskeyOptionsResponse.From(result.Value)) : PlatformErrors.Instance.ToResult(result.Error);
    }

    private static async Task<IResult> RegisterVerify(PasskeyCredentialRequest body, PasskeyService passkeys, HttpContext http, CancellationToken ct)
    {
        var caller = http.Caller();
        var result = await passkeys.RegisterVerifyAsync(caller.UserId, caller.SessionId, body.ToResponse(), body.Name,
            body.SignOutOtherSessions, http.RequestContext(), http, ct);
        return result.IsSuccess
            ? Results.Json(new PasskeyAddedResponse(true, PasskeyView.From(result.Value.Passkey), result.Value.Change.OtherSessionsRevoked),
                statusCode: StatusCodes.Status201Created)
            : PlatformErrors.Instance.ToResult(result.Error);
    }

    private static async Task<IResult> AuthenticateOptions(PasskeyService passkeys, HttpContext http, CancellationToken ct) =>
        Results.Ok(PasskeyOptionsResponse.From(await passkeys.AuthenticateOptionsAsync(http, ct)));

    private static async Task<IResult> AuthenticateVerify(PasskeyCredentialRequest body, PasskeyService passkeys, PlatformSignIn respond,
        HttpContext http, CancellationToken ct)
    {
        var result = await passkeys.SignInAsync(body.ToResponse(), SessionKinds.Cookie, http.RequestContext(), http, ct);
        return result.IsSuccess
            ? await respond.SessionStartedAsync(result.Value.Session, http, ct)
            : PlatformErrors.Instance.ToResult(result.Error);
    }

    private static async Task<IResult> List(PasskeyService passkeys, HttpContext http, CancellationToken ct) =>
        Results.Ok(new PasskeysResponse(true, (await passkeys.ListAsync(http.Caller().UserId, ct)).Select(PasskeyView.From).ToList()));

    /// <summary>
    /// The credential id comes in the query (<c>?credentialId=</c>) or a JSON body (<c>{"credentialId"}</c>).
    /// The body is read by hand: a declared body parameter would make routing refuse body-less DELETEs.
    /// </summary>
    private static async Task<IResult> Delete(string? credentialId, bool? signOutOtherSessions, PasskeyService passkeys, HttpContext http, CancellationToken ct)
    {
        DeletePasskeyRequest? body = null;
        if (http.Request.HasJsonContentType())
        {
            try
            {
                body = await http.Request.ReadFromJsonAsync<DeletePasskeyRequest>(ct);
            }
            catch (JsonException)
            {
                return PlatformErrors.Instance.ToResult(new AuthError(AuthErrorCodes.InvalidRequest, "The request body is not valid JSON"));
            }
        }
        var caller = http.Caller();
        var result = await passkeys.DeleteAsync(caller.UserId, caller.SessionId, body?.CredentialId ?? credentialId,
            body?.SignOutOtherSessions ?? signOutOtherSessions ?? false, http.RequestContext(), ct);
        return result.IsSuccess
            ? Results.Ok(new FactorRemovedResponse(true, "Passkey removed", result.Value.OtherSessionsRevoked))
            : PlatformErrors.Instance.ToResult(result.Error);
    }
}
