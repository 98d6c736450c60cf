namespace Latchkey.Core.Admin;

/// <summary>
/// What an administrator changes on an account; null fields stay as they are. Lock and unlock alone need
/// <see cref="Permissions.UsersLock"/>; anything else needs <see cref="Permissions.UsersWrite"/>.
/// </summary>
public sealed record UserChange(
    string? Role = null,
    bool? Locked = null,
    bool? Disabled = null,
    string? FirstName = null,
    string? LastName = null,
    string? Username = null,
    bool? EmailVerified = null,
    bool? RequirePasswordReset = null)
{
    public bool OnlyLocking => Role is null && Disabled is null && FirstName is null && LastName is null && Username is null
        && EmailVerified is null && RequirePasswordReset is null;
}
