using Latchkey.Core.Admin;
using Latchkey.Core.Common;

namespace Latchkey.Core.ApiKeys;

/// <summary>
/// The scopes of an API key: permission names from <see cref="Permissions"/>, chosen at creation. A key acts with
/// its owner's permissions narrowed to its scopes (owner's ∩ key's, evaluated per request, so an owner who loses
/// a permission takes it from their keys too). No scopes (null) is a key with the owner's full permissions, as
/// every key had before scopes existed (decision 83). Stored space-separated, like a role's permissions.
/// </summary>
public static class ApiKeyScopes
{
    public const string Field = "scopes";

    /// <summary>
    /// The stored form of <paramref name="requested"/> (sorted, without repeats), or the field error. Every scope must
    /// be a known permission the owner holds now: a key cannot be a way to reach beyond its owner later.
    /// </summary>
    public static Result<string?> Normalize(IReadOnlyList<string?>? requested, IReadOnlySet<string> ownerPermissions)
    {
        if (requested is null) return Result<string?>.Ok(null);
        var scopes = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var scope in requested)
        {
            if (string.IsNullOrWhiteSpace(scope) || !Permissions.IsKnown(scope))
                return AuthError.Field(Field, $"Unknown scope '{scope}'; scopes are permission names: {string.Join(", ", Permissions.All)}");
            if (!ownerPermissions.Contains(scope))
                return AuthError.Field(Field, $"You do not hold the {scope} permission, so it cannot be a scope of your key");
            scopes.Add(scope);
        }
        return string.Join(' ', scopes);
    }

    /// <summary>The stored form as a list (empty for a key limited to no permission), or null for an unscoped key.</summary>
    public static IReadOnlyList<string>? List(string? stored) =>
        stored?.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>The set a request checks against (see <see cref="Authentication.Caller.Scopes"/>).</summary>
    public static IReadOnlySet<string>? Set(string? stored) =>
        stored is null ? null : new HashSet<string>(stored.Split(' ', StringSplitOptions.RemoveEmptyEntries), StringComparer.Ordinal);
}
