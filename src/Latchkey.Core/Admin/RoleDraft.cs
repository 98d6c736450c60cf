using System.Text.RegularExpressions;
using Latchkey.Core.Common;

namespace Latchkey.Core.Admin;

/// <summary>What an administrator sends to create or change a custom role.</summary>
public sealed record RoleDraft(string? Name, string? Description, IReadOnlyList<string>? Permissions);

public static partial class RoleDraftValidator
{
    public const int MaxDescriptionLength = 200;

    // Role names go into JWTs and the users.role column (32 characters): identifiers, nothing to escape.
    [GeneratedRegex("^[a-z0-9][a-z0-9_-]{0,31}$")]
    private static partial Regex NamePattern();

    public static AuthError? ValidateName(string? name) =>
        name is null || !NamePattern().IsMatch(name)
            ? AuthError.Field("name", "name must be 1-32 lowercase letters, digits, '-' or '_'")
            : null;

    public static AuthError? ValidateBody(RoleDraft draft)
    {
        if (draft.Description is { Length: > MaxDescriptionLength })
            return AuthError.Field("description", $"description must be at most {MaxDescriptionLength} characters");
        if (draft.Permissions is null) return AuthError.Field("permissions", "permissions is required (an array, may be empty)");
        foreach (var permission in draft.Permissions)
            if (permission is null || !Admin.Permissions.IsKnown(permission))
                return AuthError.Field("permissions", $"unknown permission '{permission}'");
        return null;
    }
}
