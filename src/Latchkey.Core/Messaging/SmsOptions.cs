using System.ComponentModel.DataAnnotations;

namespace Latchkey.Core.Messaging;

/// <summary>Bound from <c>Latchkey:Sms</c>.</summary>
public sealed class SmsOptions
{
    public const string OutboxMode = "outbox";
    public const string TwilioMode = "twilio";

    /// <summary><c>outbox</c> (development: a text file per message in the email outbox folder plus a log line) or <c>twilio</c>.</summary>
    [RegularExpression("^(outbox|twilio)$", ErrorMessage = "Latchkey:Sms:Mode must be 'outbox' or 'twilio'.")]
    public string Mode { get; set; } = OutboxMode;

    public TwilioSettings Twilio { get; set; } = new();
}

/// <summary>Any provider speaking Twilio's Messages API (POST /2010-04-01/Accounts/{sid}/Messages.json).</summary>
public sealed class TwilioSettings
{
    [Url]
    public string BaseUrl { get; set; } = "https://api.twilio.com";
    public string? AccountSid { get; set; }
    public string? AuthToken { get; set; }
    /// <summary>The sending number (E.164) ...</summary>
    public string? From { get; set; }
    /// <summary>... or a Messaging Service SID instead of a number.</summary>
    public string? MessagingServiceSid { get; set; }
}
