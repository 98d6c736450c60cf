using Latchkey.Core.Audit;
using Latchkey.Core.Common;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Latchkey.Core.Messaging;

/// <summary>
/// One delivery attempt of one outbox message: claim it (so no other node sends it too), decrypt, send,
/// record the outcome. A failure is retried with exponential back-off; the last failure is reported in the
/// log and the activity log and the message is marked failed, never dropped silently.
/// </summary>
public sealed partial class MessageDelivery(
    IOutgoingMessageStore store,
    MessageContentProtector protector,
    MailMessageFactory mail,
    IEmailTransport email,
    ISmsSender sms,
    ActivityLog activity,
    IUnitOfWork unitOfWork,
    IOptions<MessagingOptions> options,
    TimeProvider clock,
    ILogger<MessageDelivery> logger)
{
    public async Task DeliverAsync(OutgoingMessage message, CancellationToken ct)
    {
        var settings = options.Value;
        var attempt = message.Attempts + 1;
        var now = clock.GetUtcNow().UtcDateTime;
        // The claim holds the message for longer than any send may take (SMTP and HTTP time out sooner), so a
        // slow send is not picked up again; if this node dies mid-send, the message is retried when it lapses.
        if (!await store.TryClaimAsync(message.Id, message.Attempts, now + InFlightLease, ct)) return;
        try
        {
            await SendAsync(message, ct);
            await store.MarkSentAsync(message.Id, clock.GetUtcNow().UtcDateTime, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            var giveUp = attempt >= settings.MaxAttempts;
            var error = ex.GetBaseException().Message;
            var retryAt = clock.GetUtcNow().UtcDateTime + RetryDelay(attempt, settings);
            await store.MarkAttemptFailedAsync(message.Id, error.Length > 1000 ? error[..1000] : error, giveUp, retryAt, ct);
            if (!giveUp)
            {
                LogRetry(logger, ex, message.Channel, message.Template, message.Id, attempt, settings.MaxAttempts);
                return;
            }
            LogGaveUp(logger, ex, message.Channel, message.Template, message.Id, attempt);
            activity.Record(ActivityTypes.MessageDeliveryFailed, null, RequestContext.Unknown, success: false,
                new { messageId = message.Id, message.Channel, message.Template, attempts = attempt, error });
            await unitOfWork.SaveChangesAsync(ct);
        }
    }

    private async Task SendAsync(OutgoingMessage message, CancellationToken ct)
    {
        var content = protector.Unprotect(message.ProtectedContent);
        if (message.Channel == MessageChannels.Sms)
        {
            await sms.SendAsync(message.Recipient, content.Text, message.Template, ct);
            return;
        }
        using var mailMessage = mail.Create(message.Recipient, content);
        await email.SendAsync(mailMessage, message.Template, content.Link, ct);
    }

    internal static readonly TimeSpan InFlightLease = TimeSpan.FromMinutes(10);

    internal static TimeSpan RetryDelay(int attempt, MessagingOptions settings)
    {
        var delay = settings.RetryDelay * Math.Pow(2, Math.Min(attempt - 1, 20));
        return delay < settings.MaxRetryDelay ? delay : settings.MaxRetryDelay;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Delivery of {Channel} message {Template} ({MessageId}) failed on attempt {Attempt} of {MaxAttempts}; it will be retried")]
    private static partial void LogRetry(ILogger logger, Exception ex, string channel, string template, Guid messageId, int attempt, int maxAttempts);

    [LoggerMessage(Level = LogLevel.Error, Message = "Delivery of {Channel} message {Template} ({MessageId}) failed {Attempt} times; giving up (status 'failed' in outgoing_messages)")]
    private static partial void LogGaveUp(ILogger logger, Exception ex, string channel, string template, Guid messageId, int attempt);
}
