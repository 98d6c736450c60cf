using System.ComponentModel.DataAnnotations;

namespace Latchkey.Core.Messaging;

/// <summary>Bound from <c>Latchkey:Messaging</c>: templates and delivery retries, shared by email and SMS.</summary>
public sealed class MessagingOptions
{
    /// <summary>A folder of <c>&lt;locale&gt;/&lt;template&gt;.(subject.txt|txt|html|sms.txt)</c> files that override the shipped ones.</summary>
    public string? TemplatePath { get; set; }

    [RegularExpression("^[a-z]{2,3}(-[a-z0-9]{2,8})*$", ErrorMessage = "Latchkey:Messaging:DefaultLocale must be a lower-case language tag such as 'en'.")]
    public string DefaultLocale { get; set; } = "en";

    /// <summary>Delivery attempts before a message is marked failed.</summary>
    [Range(1, 50)]
    public int MaxAttempts { get; set; } = 8;

    /// <summary>Wait before the first retry; it doubles each time, up to <see cref="MaxRetryDelay"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How often the dispatcher looks for due messages (new ones wake it at once).</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:10:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);
}
