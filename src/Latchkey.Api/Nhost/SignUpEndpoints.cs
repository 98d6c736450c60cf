using Latchkey.Api.Common;
using Latchkey.Api.Nhost.Contracts;
using Latchkey.Api.RateLimiting;
using Latchkey.Core.Common;
using Latchkey.Core.Sessions;
using Latchkey.Core.Users;
using Latchkey.Core.Verification;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Latchkey.Api.Nhost;

/// <summary><c>/v1/signup/email-password</c>.</summary>
public static class SignUpEndpoints
{
    public static void MapNhostSignUp(this RouteGroupBuilder v1)
    {
        v1.MapPost("/signup/email-password", SignUpEmailPassword).RateLimited(RateLimitPolicies.Register);
    }

    /// <summary>
    /// Creates the account and signs it in, or, while <c>Latchkey:SignUp:RequireEmailVerification</c> is on,
    /// answers without a session (Nhost's <c>session: null</c>) until the mailed link is opened: a session now
    /// would skip the verification that password sign-in enforces. The password meets the core's policy (at
    /// least 8 characters, not common, not guessable), not the spec's 3 to 50 characters.
    /// </summary>
    private static async Task<IResult> SignUpEmailPassword(
        SignUpEmailPasswordRequest body, RegistrationService registration, SignUpPolicy policy, SessionStarter sessions, NhostSessions shapes,
        NhostErrors errors, HttpContext http, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(body.Email)) return errors.ToResult(NhostEndpoints.Missing("email"));
        if (string.IsNullOrEmpty(body.Password)) return errors.ToResult(NhostEndpoints.Missing("password"));

        var context = http.NhostContext();
        // The core checks redirectTo against the allow-list and sends the verification email to it.
        var account = new NewAccount(body.Email, body.Password, null, null, RedirectTo: body.Options?.RedirectTo, Profile: body.Options.ToProfile());
        var created = await registration.RegisterAsync(account, context, ct);
        if (!created.IsSuccess) return errors.ToResult(created.Error);
        if (policy.RequireEmailVerification && !created.Value.EmailVerified) return NhostEndpoints.Ok(new SessionPayload(null));

        var started = await sessions.StartAsync(created.Value, SessionKinds.Bearer, AuthMethods.Password, context, ct);
        return NhostEndpoints.Ok(new SessionPayload(shapes.FromIssued(started.Session, started.User)));
    }
}
