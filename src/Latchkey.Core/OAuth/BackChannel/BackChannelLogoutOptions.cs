using System.ComponentModel.DataAnnotations;

namespace Latchkey.Core.OAuth.BackChannel;

/// <summary>Bound from <c>Latchkey:BackChannelLogout</c> (docs/configuration.md).</summary>
public sealed class BackChannelLogoutOptions
{
    /// <summary>Attempts before a notice is marked failed (with the default back-off, about four hours).</summary>
    [Range(1, 50)]
    public int MaxAttempts { get; set; } = 10;

    /// <summary>Wait before the first retry; it doubles each time up to <see cref="MaxRetryDelay"/>, with up to 20% random jitter.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "01:00:00")]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(15);

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Time allowed for one POST to a client's backchannel_logout_uri.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How often the sender looks for due notices (a commit on this node that adds some wakes it at once).</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:10:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Notices claimed at once by one node.</summary>
    [Range(1, 1000)]
    public int BatchSize { get; set; } = 100;

    /// <summary>Failed notices are deleted this long after they were queued.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "365.00:00:00")]
    public TimeSpan RetainFailed { get; set; } = TimeSpan.FromDays(7);

    /// <summary>A claimed row is held this long: longer than any attempt can take, so only a crash lets it lapse.</summary>
    public TimeSpan Lease => Timeout + TimeSpan.FromMinutes(1);
}
