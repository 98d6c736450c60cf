using System.ComponentModel.DataAnnotations;

namespace Latchkey.Core.Credentials;

/// <summary>
/// Bound from <c>Latchkey:Lockout</c>. Wrong passwords at sign-in are throttled per account and client
/// (<see cref="SignInThrottle"/>), never by locking the account for everyone; wrong second-factor codes
/// and wrong current passwords of a signed-in user still lock the account row (<see cref="Lockout"/>).
/// Plain options read through <c>IOptionsMonitor</c>, so run-time settings can override them.
/// </summary>
public sealed class LockoutOptions
{
    /// <summary>
    /// Wrong passwords one client may try for one account before it must wait; also the consecutive
    /// wrong second-factor codes or current passwords that lock an account. 0 turns both off.
    /// </summary>
    [Range(0, 100)]
    public int MaxFailedAttempts { get; set; } = 5;

    /// <summary>How long an account stays locked after wrong codes; also the longest wait one client is given.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "30.00:00:00")]
    public TimeSpan Duration { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>The first wait of a client past <see cref="MaxFailedAttempts"/>; it doubles with each further failure up to <see cref="Duration"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan FirstDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Wrong passwords for one account from all clients together, within <see cref="Window"/>, past
    /// which every client waits until the window moves on: it caps distributed guessing, and is high
    /// enough that one attacker (whom the per-IP rate limit holds to 10 tries per 15 minutes) cannot reach it alone.
    /// </summary>
    [Range(1, 1_000_000)]
    public int AccountCeiling { get; set; } = 100;

    /// <summary>How long failures are remembered, for one client and for the account ceiling.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00")]
    public TimeSpan Window { get; set; } = TimeSpan.FromHours(1);
}
