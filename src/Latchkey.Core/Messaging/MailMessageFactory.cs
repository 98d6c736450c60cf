using System.Net.Mail;
using System.Net.Mime;
using System.Text;
using Latchkey.Core.Common;
using Microsoft.Extensions.Options;

namespace Latchkey.Core.Messaging;

/// <summary>Builds the MIME message: a text part and an HTML alternative, both UTF-8 in quoted-printable: 7-bit safe through any relay, and readable in the raw message (an outbox
/// <c>.eml</c> opened in an editor), which base64 is not.</summary>
public sealed class MailMessageFactory(IOptions<EmailOptions> email, IOptions<LatchkeyOptions> latchkey)
{
    public MailMessage Create(string to, MessageContent content)
    {
        var message = new MailMessage(Sender(), new MailAddress(to))
        {
            Subject = content.Subject ?? "",
            SubjectEncoding = Encoding.UTF8,
            HeadersEncoding = Encoding.UTF8,
        };
        message.AlternateViews.Add(View(content.Text, MediaTypeNames.Text.Plain));
        if (content.Html is not null) message.AlternateViews.Add(View(content.Html, MediaTypeNames.Text.Html));
        return message;
    }

    private MailAddress Sender()
    {
        var settings = email.Value;
        var host = new Uri(latchkey.Value.PublicUrl ?? "http://localhost").Host;
        return new MailAddress(settings.From ?? $"no-reply@{host}", settings.FromName ?? latchkey.Value.ProductName, Encoding.UTF8);
    }

    private static AlternateView View(string body, string mediaType)
    {
        var view = AlternateView.CreateAlternateViewFromString(body, Encoding.UTF8, mediaType);
        view.TransferEncoding = TransferEncoding.QuotedPrintable;
        return view;
    }
}
