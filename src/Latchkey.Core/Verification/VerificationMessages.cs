using Latchkey.Core.Common;
using Latchkey.Core.Messaging;

namespace Latchkey.Core.Verification;

/// <summary>Puts a ticket into its message: the link (page URL plus <c>token</c> and <c>type</c>) or the code, and the lifetime.</summary>
public sealed class VerificationMessages(MessageOutbox outbox)
{
    public void EmailLink(string to, string template, IssuedTicket issued, string pageUrl, RequestContext context, Dictionary<string, string> values)
    {
        var link = context.LinkFormat?.Build(pageUrl, issued) ?? DefaultLink(pageUrl, issued);
        values["link"] = link;
        values["expiresIn"] = ExpiresIn(issued.Lifetime);
        outbox.Email(to, template, context.Locale, values, link);
    }

    private static string DefaultLink(string pageUrl, IssuedTicket issued)
    {
        var separator = pageUrl.Contains('?') ? '&' : '?';
        return $"{pageUrl}{separator}token={issued.Secret}&type={issued.Ticket.Purpose}";
    }

    public void EmailCode(string to, string template, IssuedTicket issued, RequestContext context, Dictionary<string, string> values)
    {
        values["code"] = issued.Secret;
        values["expiresIn"] = ExpiresIn(issued.Lifetime);
        outbox.Email(to, template, context.Locale, values, $"code for {issued.Ticket.Purpose}: {issued.Secret}");
    }

    public void SmsCode(string to, string template, IssuedTicket issued, RequestContext context) =>
        outbox.Sms(to, template, context.Locale, new Dictionary<string, string> { ["code"] = issued.Secret, ["expiresIn"] = ExpiresIn(issued.Lifetime) });

    /// <summary>"24 hours", "1 hour", "15 minutes": the lifetime as a person reads it (English; a locale's template may avoid it).</summary>
    internal static string ExpiresIn(TimeSpan lifetime) => lifetime switch
    {
        { TotalHours: >= 1 } when lifetime.TotalHours % 1 == 0 => lifetime.TotalHours == 1 ? "1 hour" : $"{lifetime.TotalHours:0} hours",
        _ => Math.Round(lifetime.TotalMinutes) == 1 ? "1 minute" : $"{Math.Round(lifetime.TotalMinutes):0} minutes",
    };
}
