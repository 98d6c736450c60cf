using Latchkey.Core.Audit;
using Latchkey.Core.Challenges;
using Latchkey.Core.Common;
using Latchkey.Core.Credentials;
using Latchkey.Core.Sessions;
using Latchkey.Core.Users;
using Microsoft.Extensions.Options;

namespace Latchkey.Core.Mfa;

/// <summary>
/// The second step of a password sign-in. The password step leaves a challenge ticket (256-bit,
/// single use, minutes long, a few attempts); only a right code presented with that ticket starts a
/// session. Wrong codes count toward the account lockout, which the password step does not reset
/// for accounts with a second factor, so starting new challenges does not buy new guesses.
/// </summary>
public sealed class TwoFactorLoginService(
    ChallengeTickets tickets,
    ITwoFactorStore store,
    IUserStore users,
    TwoFactorCodeVerifier verifier,
    TwoFactorCodeSender sender,
    SessionIssuer sessions,
    Lockout lockout,
    ActivityLog activity,
    IUnitOfWork unitOfWork,
    IOptions<TwoFactorOptions> options,
    TimeProvider clock)
{
    public static readonly AuthError InvalidChallenge = new(AuthErrorCodes.InvalidChallenge,
        "The sign-in challenge is invalid or expired; sign in with your password again");

    /// <summary>
    /// Adds the ticket to the unit of work (the caller saves) and describes the methods to offer.
    /// <paramref name="firstFactor"/> (password, magic link...) names the session's method with the second.
    /// </summary>
    public async Task<TwoFactorChallenge> BeginAsync(User user, string sessionKind, string firstFactor, CancellationToken ct)
    {
        var (token, expiresAt) = tickets.Issue(ChallengeKinds.TwoFactorLogin, user.Id, $"{sessionKind} {firstFactor}", options.Value.ChallengeLifetime);
        return await OfferAsync(user.Id, token, expiresAt, ct);
    }

    /// <summary>
    /// The methods to offer for a live challenge, without taking an attempt: a page that receives only the
    /// token (the hosted sign-in page after a social sign-in) renders its code form from this.
    /// </summary>
    public async Task<TwoFactorChallenge?> DescribeAsync(string? token, CancellationToken ct)
    {
        var challenge = await tickets.FindAsync(token, ChallengeKinds.TwoFactorLogin, ct);
        return challenge?.UserId is { } userId ? await OfferAsync(userId, token!, challenge.ExpiresAt, ct) : null;
    }

    private async Task<TwoFactorChallenge> OfferAsync(Guid userId, string token, DateTime expiresAt, CancellationToken ct)
    {
        var confirmed = (await store.ListMethodsAsync(userId, ct)).Where(m => m.IsConfirmed).ToList();
        var names = confirmed.Select(m => m.Method).ToList();
        var preferred = confirmed.FirstOrDefault(m => m.IsDefault)?.Method ?? names.FirstOrDefault();
        return new TwoFactorChallenge(userId, names, preferred, token, expiresAt);
    }

    /// <summary>Sends the login code for an email or SMS method; the challenge is not used up and no attempt is taken.</summary>
    public async Task<Result<string>> SendCodeAsync(string? token, string? method, RequestContext context, CancellationToken ct)
    {
        var challenge = await tickets.FindAsync(token, ChallengeKinds.TwoFactorLogin, ct);
        var user = challenge is null ? null : await users.FindByIdAsync(challenge.UserId!.Value, ct);
        if (user is null || user.Disabled) return InvalidChallenge;
        var sent = await sender.SendForAsync(user, await store.ListMethodsAsync(user.Id, ct), method, includePending: false, context, ct);
        if (sent.IsSuccess) await unitOfWork.SaveChangesAsync(ct);
        return sent;
    }

    public async Task<Result<IssuedSession>> CompleteAsync(string? token, Guid? userId, string? method, string? code, RequestContext context, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(code)) return AuthError.Field("code", "Code is required");
        var challenge = await tickets.FindAsync(token, ChallengeKinds.TwoFactorLogin, ct);
        if (challenge is null || (userId is not null && userId != challenge.UserId)) return InvalidChallenge;
        // The attempt is taken before the code is checked, so parallel guesses cannot exceed the limit.
        if (!await tickets.TryTakeAttemptAsync(challenge, options.Value.MaxAttempts, ct)) return InvalidChallenge;

        var user = await users.FindByIdAsync(challenge.UserId!.Value, ct);
        if (user is null || user.Disabled) return InvalidChallenge;
        if (lockout.IsLocked(user)) return new AuthError(AuthErrorCodes.AccountLocked, "Account temporarily locked after too many failed sign-ins");

        var methods = await store.ListMethodsAsync(user.Id, ct);
        var verified = await verifier.VerifyAsync(user, methods, method, code, ct);
        if (!verified.IsSuccess)
        {
            if (verified.Error.Code != AuthErrorCodes.InvalidCode) return verified.Error;
            var lockedNow = lockout.RecordFailure(user);
            activity.Record(ActivityTypes.TwoFactorFailed, user.Id, context, success: false, new { method });
            if (lockedNow) activity.Record(ActivityTypes.AccountLocked, user.Id, context, success: false);
            await unitOfWork.SaveChangesAsync(ct);
            return verified.Error;
        }
        if (!await tickets.TryConsumeAsync(challenge, ct)) return InvalidChallenge;

        lockout.RecordSuccess(user);
        user.LastSignInAt = clock.GetUtcNow().UtcDateTime;
        var (sessionKind, firstFactor) = challenge.State!.Split(' ') is [var kind, var first] ? (kind, first) : (SessionKinds.Cookie, AuthMethods.Password);
        var authMethod = $"{firstFactor}+{verified.Value}";
        var issued = sessions.Start(user, sessionKind, authMethod, context);
        if (verified.Value == TwoFactorMethods.Recovery) activity.Record(ActivityTypes.RecoveryCodeUsed, user.Id, context);
        activity.Record(ActivityTypes.LoginSucceeded, user.Id, context, details: new { method = authMethod, sessionId = issued.SessionId });
        await unitOfWork.SaveChangesAsync(ct);
        return issued;
    }
}
