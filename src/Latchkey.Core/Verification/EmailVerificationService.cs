using Latchkey.Core.Audit;
using Latchkey.Core.Common;
using Latchkey.Core.Users;
using Microsoft.Extensions.Options;

namespace Latchkey.Core.Verification;

/// <summary>Proves that a user controls their email address: a link mailed at sign-up or on request.</summary>
public sealed class EmailVerificationService(
    IUserStore users,
    TicketService tickets,
    VerificationMessages messages,
    RedirectPolicy redirects,
    ActivityLog activity,
    IUnitOfWork unitOfWork,
    IOptions<VerificationOptions> options,
    TimeProvider clock)
{
    /// <summary>Adds the ticket and its email to the unit of work (the caller saves). False past the per-address limit.</summary>
    public async Task<bool> QueueAsync(User user, string pageUrl, RequestContext context, CancellationToken ct)
    {
        var issued = await tickets.IssueLinkAsync(TicketPurposes.EmailVerification, user.Id, user.NormalizedEmail,
            options.Value.EmailVerificationLifetime, null, ct);
        if (issued is null) return false;
        messages.EmailLink(user.Email, "verify-email", issued, pageUrl, context, new() { ["email"] = user.Email });
        return true;
    }

    /// <summary>
    /// Sends a new link to the signed-in user (<paramref name="userId"/>) or, for someone who cannot sign in
    /// before verifying, to <paramref name="email"/>; the anonymous form answers the same whatever the address.
    /// </summary>
    public async Task<Result<Unit>> ResendAsync(Guid? userId, string? email, string? redirectTo, RequestContext context, CancellationToken ct)
    {
        var page = redirects.Resolve(redirectTo, LinkPages.VerifyEmail);
        if (!page.IsSuccess) return page.Error;
        if (userId is null && !UserNormalizer.IsValidEmail(email)) return AuthError.Field("email", "A valid email is required");

        var user = userId is { } id ? await users.FindByIdAsync(id, ct) : await users.FindByNormalizedEmailAsync(UserNormalizer.NormalizeEmail(email!), ct);
        if (user is null || user.EmailVerified || user.Disabled)
            return userId is not null && user is { EmailVerified: true } ? AuthError.Validation("The email address is already verified") : Unit.Value;

        if (!await QueueAsync(user, page.Value, context, ct)) return Unit.Value;
        activity.Record(ActivityTypes.EmailVerificationSent, user.Id, context);
        await unitOfWork.SaveChangesAsync(ct);
        return Unit.Value;
    }

    public Task<Result<User>> VerifyAsync(string? token, RequestContext context, CancellationToken ct) =>
        unitOfWork.InTransactionAsync(async tx =>
        {
            var redeemed = await tickets.RedeemLinkAsync(TicketPurposes.EmailVerification, token, tx);
            if (!redeemed.IsSuccess) return Result<User>.Fail(redeemed.Error);
            var user = await users.FindByIdAsync(redeemed.Value.UserId!.Value, tx);
            // The address may have changed since the link was sent: it proves only the address it went to.
            if (user is null || user.NormalizedEmail != redeemed.Value.Target) return TicketService.InvalidToken;
            user.EmailVerified = true;
            user.UpdatedAt = clock.GetUtcNow().UtcDateTime;
            activity.Record(ActivityTypes.EmailVerified, user.Id, context);
            await unitOfWork.SaveChangesAsync(tx);
            return user;
        }, ct);
}
