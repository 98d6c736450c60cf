namespace Latchkey.Core.Admin;

/// <summary>Counts in one window ending now.</summary>
public sealed record WindowCounts(int Registrations, int SignIns, int SignInFailures);

/// <summary>
/// The dashboard figures: accounts by state, live sessions, adoption of second factors, and activity in the last day,
/// week and month. The account and session figures were counted at <see cref="AccountsCountedAt"/> (at most
/// <c>Latchkey:Admin:StatsMaxAge</c> ago); the windows are counted at the request.
/// </summary>
public sealed record AdminStats(
    int Users, int Verified, int Disabled, int Anonymous, int TwoFactorUsers, int PasskeyUsers, int ActiveSessions,
    WindowCounts Last24Hours, WindowCounts Last7Days, WindowCounts Last30Days, DateTime AccountsCountedAt);
