using Latchkey.Core.Admin;
using Latchkey.Core.Scim;

namespace Latchkey.Api.Admin.Contracts;

public sealed record AdminMessageResponse(bool Success, string Message);

public sealed record RolesResponse(bool Success, IReadOnlyList<RoleView> Roles);

public sealed record RoleResponse(bool Success, RoleView Role);

public sealed record GroupsResponse(bool Success, IReadOnlyList<GroupRolesView> Groups, AdminPagination Pagination);

public sealed record GroupResponse(bool Success, GroupRolesView Group);

public sealed record UsersResponse(bool Success, IReadOnlyList<AdminUserView> Users, AdminPagination Pagination);

public sealed record UserResponse(bool Success, AdminUserView User);

public sealed record UserDetailResponse(
    bool Success, AdminUserView User, IReadOnlyList<string> Permissions, IReadOnlyList<SecondFactorView> SecondFactors,
    int PasskeyCount, IReadOnlyList<ConnectedServiceView> ConnectedServices, IReadOnlyList<AdminSessionView> Sessions,
    IReadOnlyList<AdminActivityView> RecentActivity);

public sealed record SessionsResponse(bool Success, IReadOnlyList<AdminSessionView> Sessions, AdminPagination Pagination);

public sealed record ActivityResponse(bool Success, IReadOnlyList<AdminActivityView> Activities, AdminPagination Pagination);

internal static class PageMapping
{
    public static AdminPagination Pagination<T>(this Page<T> page) => new(page.PageNumber, page.Limit, page.Total, page.TotalPages, page.TotalIsLowerBound);
}

public sealed record SettingsResponse(bool Success, Latchkey.Core.Settings.SettingsView Settings);

public sealed record StatsResponse(bool Success, AdminStats Stats);

public sealed record AnalyticsResponse(bool Success, Latchkey.Core.Admin.Analytics.AnalyticsReport Analytics);

/// <summary>Who is being impersonated and until when (the session itself is in the impersonation cookie).</summary>
public sealed record ImpersonationView(Guid UserId, string Email, DateTime ExpiresAt);

public sealed record ImpersonationResponse(bool Success, ImpersonationView Impersonation);
