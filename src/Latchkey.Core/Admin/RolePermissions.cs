using Microsoft.Extensions.DependencyInjection;

namespace Latchkey.Core.Admin;

/// <summary>
/// Role → permissions, answered from memory so a permission check costs no database read. Built-in roles
/// never change; custom roles are loaded as one small table, dropped at once on this node when a role
/// changes, and reloaded at most every <see cref="RefreshInterval"/> so other nodes follow within seconds.
/// </summary>
public sealed class RolePermissions(IServiceScopeFactory scopes, TimeProvider clock)
{
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromSeconds(5);
    private static readonly IReadOnlySet<string> None = new HashSet<string>();

    private volatile Snapshot? _snapshot;
    private readonly SemaphoreSlim _loading = new(1, 1);

    private sealed record Snapshot(IReadOnlyDictionary<string, IReadOnlySet<string>> Custom, DateTimeOffset LoadedAt);

    public async ValueTask<IReadOnlySet<string>> ForRoleAsync(string role, CancellationToken ct)
    {
        if (BuiltInRoles.All.TryGetValue(role, out var builtIn)) return builtIn.Permissions;
        var snapshot = await CurrentAsync(ct);
        return snapshot.Custom.TryGetValue(role, out var permissions) ? permissions : None;
    }

    /// <summary>
    /// What an account may do: its own role's permissions and those of every role it holds through groups
    /// (<paramref name="groupRoles"/>, space-separated, read with the role). Without group roles this is
    /// <see cref="ForRoleAsync"/> and allocates nothing.
    /// </summary>
    public async ValueTask<IReadOnlySet<string>> ForRolesAsync(string role, string? groupRoles, CancellationToken ct)
    {
        var own = await ForRoleAsync(role, ct);
        if (string.IsNullOrEmpty(groupRoles)) return own;
        var all = new HashSet<string>(own, StringComparer.Ordinal);
        foreach (var held in groupRoles.Split(' ', StringSplitOptions.RemoveEmptyEntries)) all.UnionWith(await ForRoleAsync(held, ct));
        return all;
    }

    public async ValueTask<bool> HasAsync(string role, string? groupRoles, string permission, CancellationToken ct)
    {
        if ((await ForRoleAsync(role, ct)).Contains(permission)) return true;
        if (string.IsNullOrEmpty(groupRoles)) return false;
        foreach (var held in groupRoles.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            if ((await ForRoleAsync(held, ct)).Contains(permission)) return true;
        return false;
    }

    /// <summary>Called after a role changes on this node.</summary>
    public void Invalidate() => _snapshot = null;

    private async ValueTask<Snapshot> CurrentAsync(CancellationToken ct)
    {
        var snapshot = _snapshot;
        if (snapshot is not null && clock.GetUtcNow() - snapshot.LoadedAt < RefreshInterval) return snapshot;
        await _loading.WaitAsync(ct);
        try
        {
            snapshot = _snapshot;
            if (snapshot is not null && clock.GetUtcNow() - snapshot.LoadedAt < RefreshInterval) return snapshot;
            await using var scope = scopes.CreateAsyncScope();
            var roles = await scope.ServiceProvider.GetRequiredService<IRoleStore>().ListAsync(ct);
            snapshot = new Snapshot(
                roles.ToDictionary(r => r.Name, r => (IReadOnlySet<string>)new HashSet<string>(r.PermissionList, StringComparer.Ordinal), StringComparer.Ordinal),
                clock.GetUtcNow());
            _snapshot = snapshot;
            return snapshot;
        }
        finally
        {
            _loading.Release();
        }
    }
}
