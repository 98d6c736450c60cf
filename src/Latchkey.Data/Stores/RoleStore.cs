using Latchkey.Core.Admin;
using Microsoft.EntityFrameworkCore;

namespace Latchkey.Data.Stores;

internal sealed class RoleStore(LatchkeyDbContext db) : IRoleStore
{
    public async Task<IReadOnlyList<Role>> ListAsync(CancellationToken ct) =>
        await db.Roles.AsNoTracking().OrderBy(r => r.Name).ToListAsync(ct);

    public Task<Role?> FindAsync(string name, CancellationToken ct) => db.Roles.FirstOrDefaultAsync(r => r.Name == name, ct);

    public void Add(Role role) => db.Roles.Add(role);

    public void Remove(Role role) => db.Roles.Remove(role);

    public Task<int> CountUsersAsync(string roleName, CancellationToken ct) => db.Users.CountAsync(u => u.Role == roleName, ct);

    public Task<int> CountGroupsAsync(string roleName, CancellationToken ct) =>
        // Stored space-separated: match the whole name, never a part of a longer one.
        db.ScimGroups.CountAsync(g => g.Roles != null && (" " + g.Roles + " ").Contains(" " + roleName + " "), ct);
}
