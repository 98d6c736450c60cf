using Latchkey.Core.Audit;
using Latchkey.Core.Common;
using Latchkey.Core.Users;
using Microsoft.Extensions.DependencyInjection;
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
    AccountMailQueue mailQueue,
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
    /// before verifying, to <paramref name="email"/>. The anonymous form answers before the address is even
    /// looked up (the rest runs on <see cref="AccountMailQueue"/>), so neither its answer nor its timing
    /// tells whether an account exists.
    /// </summary>
    public async Task<Result<Unit>> ResendAsync(Guid? userId, string? email, string? redirectTo, RequestContext context, CancellationToken ct)
    {
        var page = redirects.Resolve(redirectTo, LinkPages.VerifyEmail);
        if (!page.IsSuccess) return page.Error;
        if (userId is not { } id)
        {
            if (!UserNormalizer.IsValidEmail(email)) return AuthError.Field("email", "A valid email is required");
            var (normalized, pageUrl) = (UserNormalizer.NormalizeEmail(email!), page.Value);
            mailQueue.Enqueue(new AccountMailJob("resend-verification", (services, token) =>
                services.GetRequiredService<EmailVerificationService>().SendToAddressAsync(normalized, pageUrl, context, token)));
            return Unit.Value;
        }

        var user = await users.FindByIdAsync(id, ct);
        if (user is { EmailVerified: true }) return AuthError.Validation("The email address is already verified");
        if (user is null || user.Disabled) return Unit.Value;
        await SendAsync(user, page.Value, context, ct);
        return Unit.Value;
    }

    /// <summary>The deferred half of the anonymous resend: nothing happens for an unknown, verified or disabled address.</summary>
    public async Task SendToAddressAsync(string normalizedEmail, string pageUrl, RequestContext context, CancellationToken ct)
    {
        var user = await users.FindByNormalizedEmailAsync(normalizedEmail, ct);
        if (user is null || user.EmailVerified || user.Disabled) return;
        await SendAsync(user, pageUrl, context, ct);
    }

    private async Task SendAsync(User user, string pageUrl, RequestContext context, CancellationToken ct)
    {
        if (!await QueueAsync(user, pageUrl, context, ct)) return;
        activity.Record(ActivityTypes.EmailVerificationSent, user.Id, context);
        await unitOfWork.SaveChangesAsync(ct);
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
