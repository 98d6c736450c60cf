using Latchkey.Core.Common;
using Microsoft.Extensions.Options;

namespace Latchkey.Core.Messaging;

/// <summary>
/// Queues messages in the outbox table of the current unit of work: the message commits with the ticket
/// it carries or not at all, and the dispatcher delivers it after the commit (the unit of work wakes it).
/// </summary>
public sealed class MessageOutbox(
    IOutgoingMessageStore store,
    MessageTemplates templates,
    MessageContentProtector protector,
    IOptions<LatchkeyOptions> latchkey,
    TimeProvider clock)
{
    public void Email(string to, string template, string? locale, IDictionary<string, string> values, string? link = null)
    {
        var rendered = templates.RenderEmail(template, locale, WithProduct(values));
        Add(MessageChannels.Email, to, template, new MessageContent(rendered.Subject, rendered.Text, rendered.Html, link));
    }

    public void Sms(string to, string template, string? locale, IDictionary<string, string> values) =>
        Add(MessageChannels.Sms, to, template, new MessageContent(null, templates.RenderSms(template, locale, WithProduct(values)), null, null));

    private void Add(string channel, string recipient, string template, MessageContent content)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        store.Add(new OutgoingMessage
        {
            Id = Ids.New(), Channel = channel, Recipient = recipient, Template = template,
            ProtectedContent = protector.Protect(content), CreatedAt = now, NextAttemptAt = now,
        });
    }

    private Dictionary<string, string> WithProduct(IDictionary<string, string> values) => new(values)
    {
        ["product"] = latchkey.Value.ProductName,
        ["publicUrl"] = latchkey.Value.PublicUrl ?? "",
    };
}
