using Latchkey.Core.Audit;
using Latchkey.Core.Common;
using Latchkey.Core.Mfa;
using Latchkey.Core.Sessions;
using Latchkey.Core.Users;
using Latchkey.Core.Verification;
using Microsoft.AspNetCore.Http;

namespace Latchkey.Core.Passkeys;

/// <summary>
/// Passkey use cases: register one (a sensitive change: step-up), sign in with one (a verified
/// passkey is possession plus a PIN or biometric, so it satisfies both factors), list and remove.
/// </summary>
public sealed class PasskeyService(
    IUserStore users,
    IPasskeyStore passkeys,
    PasskeyCeremonies ceremonies,
    SessionIssuer sessions,
    StepUp stepUp,
    FactorChangeFollowUp followUp,
    ActivityLog activity,
    IUnitOfWork unitOfWork,
    SignUpPolicy signUp,
    TimeProvider clock)
{
    public async Task<Result<PasskeyCeremony>> RegisterOptionsAsync(Guid userId, Guid? sessionId, HttpContext http, CancellationToken ct)
    {
        if (await stepUp.RequireAsync(sessionId, ct) is { } stale) return stale;
        var user = await users.FindByIdAsync(userId, ct);
        if (user is null) return new AuthError(AuthErrorCodes.Unauthenticated, "Authentication required");
        var ceremony = await ceremonies.BeginRegistrationAsync(user, http);
        await unitOfWork.SaveChangesAsync(ct);
        return ceremony;
    }

    public async Task<Result<(Passkey Passkey, FactorChange Change)>> RegisterVerifyAsync(
        Guid userId, Guid? sessionId, PasskeyResponse response, string? name, bool signOutOthers, RequestContext context, HttpContext http, CancellationToken ct)
    {
        var registered = await ceremonies.FinishRegistrationAsync(userId, response.ChallengeToken, response.CredentialJson, name, http, ct);
        if (!registered.IsSuccess) return registered.Error;
        var passkey = registered.Value;
        activity.Record(ActivityTypes.PasskeyAdded, userId, context, details: new { name = passkey.Name, credentialId = PasskeyIds.Encode(passkey.CredentialId) });
        try
        {
            await unitOfWork.SaveChangesAsync(ct);
        }
        catch (UniqueConstraintException)
        {
            return new AuthError(AuthErrorCodes.Conflict, "This passkey is already registered");
        }
        return (passkey, await followUp.FinishAsync(userId, sessionId, signOutOthers, null, context, ct));
    }

    public async Task<PasskeyCeremony> AuthenticateOptionsAsync(HttpContext http, CancellationToken ct)
    {
        var ceremony = await ceremonies.BeginAssertionAsync(http);
        await unitOfWork.SaveChangesAsync(ct);
        return ceremony;
    }

    public async Task<Result<(IssuedSession Session, User User)>> SignInAsync(PasskeyResponse response, string sessionKind, RequestContext context, HttpContext http, CancellationToken ct)
    {
        var asserted = await ceremonies.FinishAssertionAsync(response.ChallengeToken, response.CredentialJson, http, ct);
        if (!asserted.IsSuccess)
        {
            activity.Record(ActivityTypes.LoginFailed, null, context, success: false, new { reason = "passkey_rejected" });
            await unitOfWork.SaveChangesAsync(ct);
            return asserted.Error;
        }
        var (user, _) = asserted.Value;
        if (user.Disabled)
        {
            activity.Record(ActivityTypes.LoginFailed, user.Id, context, success: false, new { reason = "disabled" });
            await unitOfWork.SaveChangesAsync(ct);
            return new AuthError(AuthErrorCodes.AccountDisabled, "This account is disabled");
        }
        if (signUp.RequireEmailVerification && !user.EmailVerified)
        {
            // As for passwords: a passkey account made by sign-up waits for its address to be verified.
            activity.Record(ActivityTypes.LoginFailed, user.Id, context, success: false, new { reason = "email_not_verified" });
            await unitOfWork.SaveChangesAsync(ct);
            return new AuthError(AuthErrorCodes.EmailNotVerified, "Verify your email address before signing in");
        }
        user.LastSignInAt = clock.GetUtcNow().UtcDateTime;
        var issued = sessions.Start(user, sessionKind, AuthMethods.Passkey, context);
        activity.Record(ActivityTypes.LoginSucceeded, user.Id, context, details: new { method = AuthMethods.Passkey, sessionId = issued.SessionId });
        await unitOfWork.SaveChangesAsync(ct);
        return (issued, user);
    }

    public Task<IReadOnlyList<Passkey>> ListAsync(Guid userId, CancellationToken ct) => passkeys.ListForUserAsync(userId, ct);

    public async Task<Result<FactorChange>> DeleteAsync(Guid userId, Guid? sessionId, string? credentialId, bool signOutOthers, RequestContext context, CancellationToken ct)
    {
        if (!PasskeyIds.TryDecode(credentialId, out var id)) return AuthError.Field("credentialId", "credentialId must be a base64url credential id");
        var passkey = await passkeys.FindAsync(userId, id, ct);
        if (passkey is null) return new AuthError(AuthErrorCodes.NotFound, "Passkey not found");
        passkeys.Remove(passkey);
        activity.Record(ActivityTypes.PasskeyRemoved, userId, context, details: new { name = passkey.Name, credentialId });
        await unitOfWork.SaveChangesAsync(ct);
        return await followUp.FinishAsync(userId, sessionId, signOutOthers, null, context, ct);
    }

    /// <summary>
    /// Gives a passkey a new display name (the authenticator keeps its own; this is only what lists show). Not a
    /// change of credential, so no step-up and no sign-out of other sessions; the activity log still records it.
    /// </summary>
    public async Task<Result<Passkey>> RenameAsync(Guid userId, string? credentialId, string? name, RequestContext context, CancellationToken ct)
    {
        if (!PasskeyIds.TryDecode(credentialId, out var id)) return AuthError.Field("credentialId", "credentialId must be a base64url credential id");
        var checkedName = PasskeyNames.Check(name, fallback: null);
        if (!checkedName.IsSuccess) return checkedName.Error;
        var passkey = await passkeys.FindAsync(userId, id, ct);
        if (passkey is null) return new AuthError(AuthErrorCodes.NotFound, "Passkey not found");
        var previous = passkey.Name;
        passkey.Name = checkedName.Value;
        activity.Record(ActivityTypes.PasskeyRenamed, userId, context, details: new { name = passkey.Name, previousName = previous, credentialId });
        await unitOfWork.SaveChangesAsync(ct);
        return passkey;
    }

    public Task<int> CountAsync(Guid userId, CancellationToken ct) => passkeys.CountForUserAsync(userId, ct);
}

/// <summary>What the browser sends back from a ceremony: the ticket and the credential (WebAuthn JSON, as <c>toJSON()</c> gives it).</summary>
public sealed record PasskeyResponse(string? ChallengeToken, string? CredentialJson);
