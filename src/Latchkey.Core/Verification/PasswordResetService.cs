using Latchkey.Core.ApiKeys;
using Latchkey.Core.Audit;
using Latchkey.Core.Common;
using Latchkey.Core.Credentials;
using Latchkey.Core.OAuth.BackChannel;
using Latchkey.Core.Sessions;
using Latchkey.Core.Users;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Latchkey.Core.Verification;

/// <summary>
/// Forgot / validate / reset. The request answers the same whether the account exists or not, and at the
/// same time: it answers before the address is looked up, the ticket and the mail being made afterwards
/// on <see cref="AccountMailQueue"/> (and sent through the outbox); the reset checks the password policy
/// before the link is used up, then revokes every session of the account and, by default, its API keys
/// (<see cref="ApiKeyRevocation"/>).
/// </summary>
public sealed class PasswordResetService(
    IUserStore users,
    BackChannelLogoutQueue backChannel,
    TicketService tickets,
    VerificationMessages messages,
    RedirectPolicy redirects,
    IPasswordHasher hasher,
    PasswordPolicy policy,
    Lockout lockout,
    ISessionStore sessions,
    SessionStateCache sessionState,
    ApiKeyRevocation apiKeys,
    ActivityLog activity,
    IUnitOfWork unitOfWork,
    AccountMailQueue mailQueue,
    IOptions<VerificationOptions> options,
    TimeProvider clock)
{
    public Task<Result<Unit>> RequestAsync(string? email, string? redirectTo, RequestContext context, CancellationToken ct) =>
        Task.FromResult(Request(email, redirectTo, context));

    private Result<Unit> Request(string? email, string? redirectTo, RequestContext context)
    {
        if (!UserNormalizer.IsValidEmail(email)) return AuthError.Field("email", "A valid email is required");
        var page = redirects.Resolve(redirectTo, LinkPages.ResetPassword);
        if (!page.IsSuccess) return page.Error;

        var (normalized, pageUrl) = (UserNormalizer.NormalizeEmail(email!), page.Value);
        mailQueue.Enqueue(new AccountMailJob("password-reset", (services, token) =>
            services.GetRequiredService<PasswordResetService>().SendLinkAsync(normalized, pageUrl, context, token)));
        return Unit.Value;
    }

    /// <summary>The deferred half of <see cref="RequestAsync"/>: nothing happens for an unknown or disabled address.</summary>
    public async Task SendLinkAsync(string normalizedEmail, string pageUrl, RequestContext context, CancellationToken ct)
    {
        var user = await users.FindByNormalizedEmailAsync(normalizedEmail, ct);
        if (user is null || user.Disabled) return;
        var issued = await tickets.IssueLinkAsync(TicketPurposes.PasswordReset, user.Id, user.NormalizedEmail, options.Value.PasswordResetLifetime, null, ct);
        if (issued is null) return;
        messages.EmailLink(user.Email, "reset-password", issued, pageUrl, context, new() { ["email"] = user.Email });
        activity.Record(ActivityTypes.PasswordResetRequested, user.Id, context);
        await unitOfWork.SaveChangesAsync(ct);
    }

    /// <summary>When the token is still usable, its expiry; it is not used up.</summary>
    public async Task<Result<DateTime>> ValidateAsync(string? token, CancellationToken ct) =>
        await tickets.PeekLinkAsync(TicketPurposes.PasswordReset, token, ct) is { } ticket ? ticket.ExpiresAt : TicketService.InvalidToken;

    /// <summary>Sets the new password and returns how many sessions were revoked.</summary>
    public async Task<Result<int>> ResetAsync(string? token, string? newPassword, RequestContext context, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(newPassword)) return AuthError.Field("password", "New password is required");
        var ticket = await tickets.PeekLinkAsync(TicketPurposes.PasswordReset, token, ct);
        var user = ticket?.UserId is { } id ? await users.FindByIdAsync(id, ct) : null;
        if (ticket is null || user is null) return TicketService.InvalidToken;
        var check = await policy.CheckAsync(newPassword, [user.Email, user.FirstName ?? "", user.LastName ?? ""], ct);
        if (!check.IsSuccess) return check.Error;
        var hash = await hasher.HashAsync(newPassword, ct);

        var revoked = await unitOfWork.InTransactionAsync(async tx =>
        {
            if (!(await tickets.RedeemLinkAsync(TicketPurposes.PasswordReset, token, tx)).IsSuccess) return -1;
            var now = clock.GetUtcNow().UtcDateTime;
            user.PasswordHash = hash;
            user.PasswordChangedAt = now;
            user.UpdatedAt = now;
            // The link reached the inbox, which proves it; a locked account is opened by its owner.
            if (user.NormalizedEmail == ticket.Target) user.EmailVerified = true;
            lockout.RecordSuccess(user);
            await backChannel.EnqueueAllAsync(user.Id, now, tx);
            var count = await sessions.RevokeAllAsync(user.Id, null, now, RevokeReasons.PasswordReset, tx);
            var keys = await apiKeys.AfterPasswordResetAsync(user, context, tx);
            activity.Record(ActivityTypes.PasswordReset, user.Id, context, details: new { sessionsRevoked = count, apiKeysRevoked = keys });
            await unitOfWork.SaveChangesAsync(tx);
            return count;
        }, ct);
        if (revoked < 0) return TicketService.InvalidToken;
        sessionState.ForgetUser(user.Id);
        return revoked;
    }
}
