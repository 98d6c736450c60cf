using Latchkey.Core.Audit;
using Latchkey.Core.Sessions;
using Latchkey.Core.Users;

namespace Latchkey.Api.Admin.Contracts;

/// <summary>A list's position; <c>totalIsLowerBound</c>: more matched than <c>Latchkey:Admin:ListCountLimit</c>, and <c>total</c> is that limit.</summary>
public sealed record AdminPagination(int Page, int Limit, int Total, int TotalPages, bool TotalIsLowerBound);

public sealed record AdminUserView(
    Guid Id, string Email, bool EmailVerified, string? Username, string? FirstName, string? LastName, string DisplayName,
    string? AvatarUrl, string Role, string Status, bool Disabled, DateTime? LockedUntil, bool TwoFactorEnabled, bool IsAnonymous,
    bool HasPassword, DateTime? LastSignInAt, DateTime CreatedAt)
{
    public static AdminUserView From(User u, string status) => new(
        u.Id, u.Email, u.EmailVerified, u.Username, u.FirstName, u.LastName, u.DisplayName, u.AvatarUrl, u.Role, status,
        u.Disabled, u.LockoutEndsAt, u.TwoFactorEnabled, u.IsAnonymous, u.PasswordHash is not null, u.LastSignInAt, u.CreatedAt);
}

public sealed record AdminSessionView(
    Guid Id, Guid UserId, string Kind, string AuthMethod, string? IpAddress, string? UserAgent, string DeviceType,
    DateTime CreatedAt, DateTime LastActivity, DateTime ExpiresAt, Guid? OAuthClientId)
{
    public static AdminSessionView From(Session s) => new(
        s.Id, s.UserId, s.Kind, s.AuthMethod, s.IpAddress, s.UserAgent, s.DeviceType, s.CreatedAt, s.LastActivityAt, s.ExpiresAt, s.ClientRowId);
}

public sealed record AdminActivityView(Guid Id, Guid? UserId, string Type, bool Success, string? IpAddress, string? UserAgent, string? Details, DateTime CreatedAt, Guid? ActorId)
{
    public static AdminActivityView From(ActivityEntry a) => new(a.Id, a.UserId, a.Type, a.Success, a.IpAddress, a.UserAgent, a.Details, a.CreatedAt, a.ActorId);
}

public sealed record SecondFactorView(string Method, bool IsDefault, DateTime CreatedAt);

public sealed record ConnectedServiceView(string Provider, string? Email, DateTime CreatedAt);
