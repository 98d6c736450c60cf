using Latchkey.Core.Common;
using Microsoft.EntityFrameworkCore;

namespace Latchkey.Data.Stores;

internal sealed class ServerSecretStore(LatchkeyDbContext db) : IServerSecretStore
{
    public Task<ServerSecret?> FindAsync(string name, CancellationToken ct) =>
        db.ServerSecrets.AsNoTracking().FirstOrDefaultAsync(s => s.Name == name, ct);

    public Task<bool> TryAddAsync(ServerSecret secret, CancellationToken ct) =>
        db.TryInsertAsync(secret, ct);
}
