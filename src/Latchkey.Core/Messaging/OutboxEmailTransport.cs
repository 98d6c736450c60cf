using System.Net.Mail;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Latchkey.Core.Messaging;

/// <summary>
/// Development delivery: each message becomes an <c>.eml</c> file in the outbox folder (open it in any mail
/// client) and a log line carries the link, so a developer can follow it without a mail server. The file is
/// written in a hidden staging folder of its own and then renamed into the outbox, so whoever reads the outbox
/// (a mail client, a test, a script) never sees a message half written.
/// </summary>
public sealed partial class OutboxEmailTransport(IOptions<EmailOptions> options, ILogger<OutboxEmailTransport> logger) : IEmailTransport
{
    public async Task SendAsync(MailMessage message, string template, string? link, CancellationToken ct)
    {
        var folder = Path.GetFullPath(options.Value.OutboxPath);
        // SmtpClient names the file itself, so it writes alone into a folder of its own, inside the outbox (same file
        // system: the move is a rename).
        var staging = Directory.CreateDirectory(Path.Combine(folder, ".staging", Guid.NewGuid().ToString("N")));
        try
        {
            using (var client = new SmtpClient { DeliveryMethod = SmtpDeliveryMethod.SpecifiedPickupDirectory, PickupDirectoryLocation = staging.FullName })
                await client.SendMailAsync(message, ct);
            foreach (var file in staging.GetFiles())
                file.MoveTo(Path.Combine(folder, file.Name));
        }
        finally
        {
            staging.Delete(recursive: true);
        }
        LogWritten(logger, template, message.To.ToString(), folder, link ?? "(none)");
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Outbox: email {Template} to {Recipient} written to {Folder}; link: {Link}")]
    private static partial void LogWritten(ILogger logger, string template, string recipient, string folder, string link);
}
