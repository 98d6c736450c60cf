namespace Latchkey.Core.Users;

/// <summary>
/// A user's token roles: a default role and the roles a client may switch to (Hasura's
/// <c>x-hasura-default-role</c> and <c>x-hasura-allowed-roles</c>). Stored space-separated on the user.
/// </summary>
public static class UserRoles
{
    public const int MaxRoleLength = 64;
    public const int MaxAllowedRolesLength = 1024;
    public const int MaxRoles = 16;

    /// <summary>Role names are identifiers: they end up in JWTs and Postgres arrays, so nothing to escape.</summary>
    public const string RolePattern = "^[A-Za-z0-9_-]{1,64}$";

    /// <summary>Anonymous accounts get only this role (Nhost's convention), until they are deanonymized.</summary>
    public const string Anonymous = "anonymous";

    public static IReadOnlyList<string> AllowedFor(TokenRoleSource user, UserDefaultsOptions defaults) =>
        user.IsAnonymous ? [Anonymous]
        : user.AllowedRoles is { Length: > 0 } stored ? stored.Split(' ', StringSplitOptions.RemoveEmptyEntries)
        : defaults.AllowedRoles;

    public static string DefaultFor(TokenRoleSource user, UserDefaultsOptions defaults) =>
        user.IsAnonymous ? Anonymous : user.DefaultRole ?? defaults.DefaultRole;

    public static string? Format(IReadOnlyList<string>? roles) => roles is null ? null : string.Join(' ', roles);
}

/// <summary>The fields roles are computed from, shared by users and token subjects.</summary>
public readonly record struct TokenRoleSource(bool IsAnonymous, string? DefaultRole, string? AllowedRoles);
