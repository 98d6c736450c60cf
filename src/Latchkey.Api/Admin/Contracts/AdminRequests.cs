namespace Latchkey.Api.Admin.Contracts;

public sealed record RoleRequest(string? Name, string? Description, List<string>? Permissions);

/// <summary>The whole set of Latchkey roles a group carries (an empty list removes them all).</summary>
public sealed record GroupRolesRequest(List<string?>? Roles);

/// <summary>PUT /api/admin/users/{id}: only the fields present change.</summary>
public sealed record UpdateUserRequest(
    string? Role, bool? Locked, bool? Disabled, string? FirstName, string? LastName, string? Username,
    bool? EmailVerified, bool? RequirePasswordReset);

/// <summary>POST /api/admin/impersonate.</summary>
public sealed record ImpersonateRequest(Guid? UserId, string? Reason);
