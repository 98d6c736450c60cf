using Latchkey.Core.Audit;
using Latchkey.Core.Mfa;
using Latchkey.Core.Sessions;
using Latchkey.Core.Social;
using Latchkey.Core.Users;

namespace Latchkey.Core.Admin;

/// <summary>Everything the administrator's user page shows, read without touching secrets.</summary>
public sealed record UserDetails(
    User User,
    string Status,
    IReadOnlyList<string> Permissions,
    IReadOnlyList<UserTwoFactorMethod> SecondFactors,
    int PasskeyCount,
    IReadOnlyList<UserIdentity> ConnectedServices,
    IReadOnlyList<Session> ActiveSessions,
    IReadOnlyList<ActivityEntry> RecentActivity);
