using System.Net.Mail;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Latchkey.Core.Messaging;

/// <summary>
/// Development delivery: each message becomes an <c>.eml</c> file in the outbox folder (open it in any mail
/// client) and a log line carries the link, so a developer can follow it without a mail server.
/// </summary>
public sealed partial class OutboxEmailTransport(IOptions<EmailOptions> options, ILogger<OutboxEmailTransport> logger) : IEmailTransport
{
    public async Task SendAsync(MailMessage message, string template, string? link, CancellationToken ct)
    {
        var folder = Path.GetFullPath(options.Value.OutboxPath);
        Directory.CreateDirectory(folder);
        using var client = new SmtpClient { DeliveryMethod = SmtpDeliveryMethod.SpecifiedPickupDirectory, PickupDirectoryLocation = folder };
        await client.SendMailAsync(message, ct);
        LogWritten(logger, template, message.To.ToString(), folder, link ?? "(none)");
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Outbox: email {Template} to {Recipient} written to {Folder}; link: {Link}")]
    private static partial void LogWritten(ILogger logger, string template, string recipient, string folder, string link);
}
