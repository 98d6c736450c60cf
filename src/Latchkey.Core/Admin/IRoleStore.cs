namespace Latchkey.Core.Admin;

/// <summary>Port for custom roles. Entities returned by <see cref="FindAsync"/> are tracked.</summary>
public interface IRoleStore
{
    Task<IReadOnlyList<Role>> ListAsync(CancellationToken ct);
    Task<Role?> FindAsync(string name, CancellationToken ct);
    void Add(Role role);
    void Remove(Role role);
    /// <summary>How many accounts hold the role (one indexed count).</summary>
    Task<int> CountUsersAsync(string roleName, CancellationToken ct);
    /// <summary>How many SCIM groups carry the role (their members hold it).</summary>
    Task<int> CountGroupsAsync(string roleName, CancellationToken ct);
}
