using System.ComponentModel.DataAnnotations;

namespace Latchkey.Core.Sessions;

/// <summary>Bound from <c>Latchkey:Sessions</c>.</summary>
public sealed class SessionOptions
{
    /// <summary>A refresh token or cookie unused this long stops working (sliding).</summary>
    [Range(typeof(TimeSpan), "00:05:00", "365.00:00:00")]
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromDays(30);

    /// <summary>No session outlives this, however often it is refreshed.</summary>
    [Range(typeof(TimeSpan), "00:05:00", "3650.00:00:00")]
    public TimeSpan AbsoluteLifetime { get; set; } = TimeSpan.FromDays(90);

    /// <summary>Two refreshes of one token inside this window both get the same successor (two tabs at once).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan RefreshGracePeriod { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// A refresh retried later than <see cref="RefreshGracePeriod"/> but within this window gets the same successor
    /// when that successor was never used (the answer was lost, e.g. the server restarted mid-refresh) instead of
    /// revoking the session as reuse. 0 turns it off. See docs/decisions.md.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan RefreshRetryWindow { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Last-activity writes are skipped when the stored value is fresher than this.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan ActivityWriteInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long a node trusts that a session it checked is still active (0 checks every request).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan StateCacheDuration { get; set; } = TimeSpan.FromSeconds(5);

    public string CookieName { get; set; } = "auth_token";

    /// <summary>How recent a sign-in (or elevation) must be to change the password without the current one.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan RecentSignInWindow { get; set; } = TimeSpan.FromMinutes(15);
}
