using Latchkey.Api.Authentication;
using Latchkey.Api.Common;
using Latchkey.Api.Platform.Contracts;
using Latchkey.Api.RateLimiting;
using Latchkey.Core.Common;
using Latchkey.Core.Mfa;
using Latchkey.Core.Passkeys;
using Latchkey.Core.Sessions;
using Latchkey.Core.Users;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Latchkey.Api.Platform;

/// <summary><c>GET /api/user/security</c> and the step-up addition <c>POST /api/auth/elevate</c>.</summary>
public static class SecurityEndpoints
{
    public static void MapPlatformSecurity(this RouteGroupBuilder api)
    {
        api.MapGet("/user/security", Overview).WithTags("Platform: user").RequireAuthorization(LatchkeyAuthentication.AnyCredential);
        // Guessable proofs (passwords, 6-digit codes): the 2FA budget applies.
        api.MapPost("/auth/elevate", Elevate).WithTags("Platform: auth")
            .RequireAuthorization(LatchkeyAuthentication.SessionRequired).RateLimited(RateLimitPolicies.TwoFactor);
    }

    private static async Task<IResult> Overview(IUserStore users, TwoFactorManagementService twoFactor, PasskeyService passkeys, HttpContext http, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(http.Caller().UserId, ct);
        if (user is null) return PlatformErrors.Instance.ToResult(new AuthError(AuthErrorCodes.Unauthenticated, "Authentication required"));
        var status = await twoFactor.StatusAsync(user, ct);
        var passkeyCount = await passkeys.CountAsync(user.Id, ct);
        return Results.Ok(new SecurityResponse(true, new SecurityOverview(status.Enabled, status.Methods, status.DefaultMethod,
            status.RecoveryCodesRemaining, passkeyCount, user.EmailVerified, user.PasswordHash is not null, user.PasswordChangedAt)));
    }

    private static async Task<IResult> Elevate(ElevateRequest body, ElevationService elevation, HttpContext http, CancellationToken ct)
    {
        var caller = http.Caller();
        var proof = new ElevationProof(body.Password, body.Code, body.Method, body.Passkey?.ToResponse());
        var result = await elevation.ElevateAsync(caller.UserId, caller.SessionId!.Value, proof, http.RequestContext(), http, ct);
        return result.IsSuccess ? Results.Ok(new ElevatedResponse(true, result.Value)) : PlatformErrors.Instance.ToResult(result.Error);
    }
}
