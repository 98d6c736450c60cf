namespace Latchkey.Api.Admin.Contracts;

public sealed record RoleRequest(string? Name, string? Description, List<string>? Permissions);

/// <summary>PUT /api/admin/users/{id}: only the fields present change.</summary>
public sealed record UpdateUserRequest(
    string? Role, bool? Locked, bool? Disabled, string? FirstName, string? LastName, string? Username,
    bool? EmailVerified, bool? RequirePasswordReset);

/// <summary>POST /api/admin/impersonate.</summary>
public sealed record ImpersonateRequest(Guid? UserId, string? Reason);
