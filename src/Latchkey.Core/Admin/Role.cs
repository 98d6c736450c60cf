namespace Latchkey.Core.Admin;

/// <summary>A custom role: a name and the permissions it grants. Built-in roles live in code (<see cref="BuiltInRoles"/>).</summary>
public sealed class Role
{
    public required string Name { get; set; }
    public string? Description { get; set; }
    /// <summary>Space-separated permission names (see <see cref="Admin.Permissions"/>).</summary>
    public required string Permissions { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    public IReadOnlyList<string> PermissionList => Permissions.Split(' ', StringSplitOptions.RemoveEmptyEntries);
}
