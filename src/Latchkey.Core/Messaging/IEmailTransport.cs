using System.Net.Mail;

namespace Latchkey.Core.Messaging;

/// <summary>Hands a finished email to its way out. Throws on failure; the dispatcher retries.</summary>
public interface IEmailTransport
{
    Task SendAsync(MailMessage message, string template, string? link, CancellationToken ct);
}

/// <summary>Sends one SMS. Throws on failure; the dispatcher retries.</summary>
public interface ISmsSender
{
    Task SendAsync(string to, string text, string template, CancellationToken ct);
}
