using Latchkey.Core.Users;

namespace Latchkey.Api.Platform.Contracts;

/// <summary>The user as the Platform API shows it (register, login and /auth/me).</summary>
public sealed record PlatformUser(
    Guid Id,
    string Email,
    string? FirstName,
    string? LastName,
    string Name,
    string? Avatar,
    string Role,
    bool EmailVerified,
    string? PhoneNumber,
    bool PhoneNumberVerified,
    bool TwoFactorEnabled,
    DateTime CreatedAt,
    DateTime? LastLoginAt)
{
    public static PlatformUser From(User user) => new(
        user.Id, user.Email, user.FirstName, user.LastName, user.DisplayName, user.AvatarUrl, user.Role,
        user.EmailVerified, user.PhoneNumber, user.PhoneNumberVerified, user.TwoFactorEnabled, user.CreatedAt, user.LastSignInAt);
}
