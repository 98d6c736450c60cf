namespace Latchkey.Core.Admin;

/// <summary>The dashboard's account figures at one instant: accounts by state, adoption of second factors, live sessions,
/// and accounts created in the last day, week and month (accounts that still exist, counted from <c>users.created_at</c>).</summary>
public sealed record AccountStats(
    int Users, int Verified, int Disabled, int Anonymous, int TwoFactorUsers, int PasskeyUsers, int ActiveSessions,
    int RegisteredLastDay, int RegisteredLastWeek, int RegisteredLastMonth);

/// <summary>A half-open interval of time, [From, To).</summary>
public readonly record struct TimeRange(DateTime From, DateTime To)
{
    public bool IsEmpty => To <= From;
}

/// <summary>Successful and failed sign-ins counted in one <see cref="TimeRange"/>.</summary>
public readonly record struct LoginCounts(int Succeeded, int Failed)
{
    public static LoginCounts operator +(LoginCounts a, LoginCounts b) => new(a.Succeeded + b.Succeeded, a.Failed + b.Failed);
}
