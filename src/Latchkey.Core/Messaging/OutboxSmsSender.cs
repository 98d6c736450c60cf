using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Latchkey.Core.Messaging;

/// <summary>Development delivery for SMS: a text file per message under <c>&lt;outbox&gt;/sms</c> and a log line with the text.</summary>
public sealed partial class OutboxSmsSender(IOptions<EmailOptions> email, TimeProvider clock, ILogger<OutboxSmsSender> logger) : ISmsSender
{
    public async Task SendAsync(string to, string text, string template, CancellationToken ct)
    {
        var folder = Path.Combine(Path.GetFullPath(email.Value.OutboxPath), "sms");
        Directory.CreateDirectory(folder);
        var stamp = clock.GetUtcNow().ToString("yyyyMMddTHHmmssfff", CultureInfo.InvariantCulture);
        var path = Path.Combine(folder, $"{stamp}-{Guid.NewGuid():N}.txt");
        await File.WriteAllTextAsync(path, $"To: {to}\nTemplate: {template}\n\n{text}\n", ct);
        LogWritten(logger, template, to, path, text);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Outbox: SMS {Template} to {Recipient} written to {Path}: {Text}")]
    private static partial void LogWritten(ILogger logger, string template, string recipient, string path, string text);
}
