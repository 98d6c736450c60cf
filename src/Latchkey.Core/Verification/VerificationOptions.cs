using System.ComponentModel.DataAnnotations;

namespace Latchkey.Core.Verification;

/// <summary>Bound from <c>Latchkey:Verification</c>: lifetimes and limits of links and one-time codes.</summary>
public sealed class VerificationOptions
{
    [Range(typeof(TimeSpan), "00:05:00", "7.00:00:00")]
    public TimeSpan EmailVerificationLifetime { get; set; } = TimeSpan.FromHours(24);

    [Range(typeof(TimeSpan), "00:05:00", "1.00:00:00")]
    public TimeSpan PasswordResetLifetime { get; set; } = TimeSpan.FromHours(1);

    [Range(typeof(TimeSpan), "00:05:00", "1.00:00:00")]
    public TimeSpan EmailChangeLifetime { get; set; } = TimeSpan.FromHours(1);

    [Range(typeof(TimeSpan), "00:01:00", "01:00:00")]
    public TimeSpan MagicLinkLifetime { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>One-time codes are short-lived: at most 10 minutes.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "00:10:00")]
    public TimeSpan CodeLifetime { get; set; } = TimeSpan.FromMinutes(10);

    [Range(6, 8)]
    public int CodeLength { get; set; } = 6;

    /// <summary>Wrong guesses a code survives; the next one burns it.</summary>
    [Range(1, 10)]
    public int MaxCodeAttempts { get; set; } = 5;

    /// <summary>Messages of one kind sent to one address per <see cref="AddressWindow"/>; more are dropped silently.</summary>
    [Range(1, 100)]
    public int MaxMessagesPerAddress { get; set; } = 5;

    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan AddressWindow { get; set; } = TimeSpan.FromHours(1);
}
