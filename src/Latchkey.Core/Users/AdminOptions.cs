using System.ComponentModel.DataAnnotations;

namespace Latchkey.Core.Users;

/// <summary>Bound from <c>Latchkey:Admin</c>: the administrator created on first start, if set, and the admin lists' bounds.</summary>
public sealed class AdminOptions
{
    public string? Email { get; set; }
    public string? Password { get; set; }

    /// <summary>
    /// Admin lists (users, sessions, activity) count their matches up to this many; beyond it the total is reported as a
    /// lower bound. Each page stays an index walk that stops at the page; only the count would grow with the matches.
    /// </summary>
    [Range(1, int.MaxValue)]
    public int ListCountLimit { get; set; } = 10_000;

    /// <summary>
    /// How old the dashboard's account counts may be (per node) before they are counted again; 0 counts on every request.
    /// Counting a million accounts and sessions takes about a second of the database; a dashboard refreshed by many
    /// administrators must not do that per view.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan StatsMaxAge { get; set; } = TimeSpan.FromSeconds(30);
}
