using Latchkey.Api.Authentication;
using Latchkey.Api.Common;
using Latchkey.Api.Nhost.Contracts;
using Latchkey.Api.RateLimiting;
using Latchkey.Core.Common;
using Latchkey.Core.Mfa;
using Latchkey.Core.Users;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Latchkey.Api.Nhost;

/// <summary>
/// <c>/v1/mfa/totp/generate</c>, <c>/v1/user/mfa</c> and <c>/v1/signin/mfa/totp</c>: TOTP through the core's
/// second-factor services. The spec's <c>mfaTotp:</c> ticket is the core's login challenge (256-bit, stored
/// as SHA-256, single use, minutes long, a few attempts) behind a prefix.
/// </summary>
public static class MfaEndpoints
{
    public const string TicketPrefix = "mfaTotp:";

    public static void MapNhostMfa(this RouteGroupBuilder v1)
    {
        v1.MapGet("/mfa/totp/generate", Generate).RequireAuthorization(LatchkeyAuthentication.SessionRequired).RateLimited(RateLimitPolicies.TwoFactor);
        v1.MapPost("/user/mfa", Change).RequireAuthorization(LatchkeyAuthentication.SessionRequired).RateLimited(RateLimitPolicies.TwoFactor);
        v1.MapPost("/signin/mfa/totp", SignIn).RateLimited(RateLimitPolicies.TwoFactor);
    }

    /// <summary>A fresh key (replacing an unconfirmed one); the core asks for a recent sign-in, as for any new factor.</summary>
    private static async Task<IResult> Generate(
        TwoFactorSetupService setup, ITwoFactorStore store, IUserStore users, NhostErrors errors, HttpContext http, CancellationToken ct)
    {
        var caller = http.Caller();
        // A guest has no address an authenticator entry could name and nothing a second factor would protect.
        if (await users.FindByIdAsync(caller.UserId, ct) is { IsAnonymous: true })
            return errors.ToResult(new AuthError(AuthErrorCodes.AnonymousForbidden, "Anonymous users cannot set up TOTP; deanonymize first"));
        if (await HasTotpAsync(store, caller.UserId, confirmed: true, ct)) return AlreadyActive();
        var result = await setup.BeginAsync(caller.UserId, caller.SessionId, TwoFactorMethods.Totp, http.RequestContext(), ct);
        if (!result.IsSuccess) return result.Error.Code == AuthErrorCodes.Conflict ? AlreadyActive() : errors.ToResult(result.Error);
        return NhostEndpoints.Ok(new TotpGenerateResponse(result.Value!.QrCodePng, result.Value.Secret));
    }

    /// <summary><c>activeMfaType: "totp"</c> confirms the generated key; <c>""</c> or none switches TOTP off, with a current code.</summary>
    private static async Task<IResult> Change(
        UserMfaRequest body, TwoFactorSetupService setup, TwoFactorManagementService management, ITwoFactorStore store,
        NhostErrors errors, HttpContext http, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(body.Code)) return errors.ToResult(NhostEndpoints.Missing("code"));
        var caller = http.Caller();
        var context = http.RequestContext();
        switch (body.ActiveMfaType)
        {
            case TwoFactorMethods.Totp:
                if (await HasTotpAsync(store, caller.UserId, confirmed: true, ct)) return AlreadyActive();
                if (!await HasTotpAsync(store, caller.UserId, confirmed: false, ct))
                    return NhostErrors.Named(400, "no-totp-secret", "No TOTP secret was generated; call /mfa/totp/generate first");
                var enabled = await setup.ConfirmAsync(caller.UserId, caller.SessionId, TwoFactorMethods.Totp, body.Code, signOutOthers: false, context, ct);
                return enabled.IsSuccess ? NhostEndpoints.OkString() : errors.ToTotpResult(enabled.Error);
            case null or "":
                var disabled = await management.DisableWithCodeAsync(caller.UserId, caller.SessionId, TwoFactorMethods.Totp, body.Code, context, ct);
                return disabled.IsSuccess ? NhostEndpoints.OkString() : errors.ToTotpResult(disabled.Error);
            default:
                return NhostErrors.Named(400, "mfa-type-not-found", "activeMfaType must be \"totp\" or \"\"");
        }
    }

    private static async Task<IResult> SignIn(
        SignInMfaTotpRequest body, TwoFactorLoginService twoFactor, IUserStore users, NhostSessions shapes,
        NhostErrors errors, HttpContext http, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(body.Ticket)) return errors.ToResult(NhostEndpoints.Missing("ticket"));
        if (string.IsNullOrEmpty(body.Otp)) return errors.ToResult(NhostEndpoints.Missing("otp"));
        if (!body.Ticket.StartsWith(TicketPrefix, StringComparison.Ordinal))
            return errors.ToResult(AuthError.Field("ticket", $"ticket must start with \"{TicketPrefix}\""));

        var token = body.Ticket[TicketPrefix.Length..];
        var result = await twoFactor.CompleteAsync(token, null, TwoFactorMethods.Totp, body.Otp, http.RequestContext(), ct);
        if (!result.IsSuccess) return errors.ToTotpResult(result.Error);
        if (await users.FindByIdAsync(result.Value.Subject.UserId, ct) is not { } user)
            return errors.ToResult(TwoFactorLoginService.InvalidChallenge);
        return NhostEndpoints.Ok(new SessionPayload(shapes.FromIssued(result.Value, user)));
    }

    /// <summary>The spec's answer to a password sign-in that needs the second step: no session, the prefixed ticket.</summary>
    internal static IResult Challenge(string token) => NhostEndpoints.Ok(new SessionPayload(null, new MfaChallengePayload(TicketPrefix + token)));

    private static async Task<bool> HasTotpAsync(ITwoFactorStore store, Guid userId, bool confirmed, CancellationToken ct) =>
        (await store.ListMethodsAsync(userId, ct)).Any(m => m.Method == TwoFactorMethods.Totp && m.IsConfirmed == confirmed);

    private static IResult AlreadyActive() => NhostErrors.Named(400, "totp-already-active", "TOTP is already active; deactivate it first");
}
