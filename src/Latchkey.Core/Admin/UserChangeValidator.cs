using System.Text.RegularExpressions;
using Latchkey.Core.Common;

namespace Latchkey.Core.Admin;

/// <summary>Checks an administrator's change before anything is read or written.</summary>
public static partial class UserChangeValidator
{
    public const int MaxNameLength = 100;

    [GeneratedRegex("^[A-Za-z0-9_.-]{3,64}$")]
    private static partial Regex UsernamePattern();

    public static AuthError? Validate(UserChange change)
    {
        if (change.Locked is null && change.OnlyLocking) return AuthError.Validation("Nothing to change");
        if (change.Role is { Length: 0 }) return AuthError.Field("role", "role must not be empty");
        if (change.FirstName is { Length: > MaxNameLength }) return AuthError.Field("firstName", $"firstName must be at most {MaxNameLength} characters");
        if (change.LastName is { Length: > MaxNameLength }) return AuthError.Field("lastName", $"lastName must be at most {MaxNameLength} characters");
        if (change.Username is { } username && !UsernamePattern().IsMatch(username))
            return AuthError.Field("username", "username must be 3-64 letters, digits, '.', '-' or '_'");
        return null;
    }
}
