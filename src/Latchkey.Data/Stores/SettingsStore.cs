using Latchkey.Core.Settings;
using Microsoft.EntityFrameworkCore;

namespace Latchkey.Data.Stores;

internal sealed class SettingsStore(LatchkeyDbContext db) : ISettingsStore
{
    // Polled every few seconds by every node: compiled, and it reads one integer by primary key.
    private static readonly Func<LatchkeyDbContext, CancellationToken, Task<long>> Version =
        EF.CompileAsyncQuery((LatchkeyDbContext db, CancellationToken ct) =>
            db.RuntimeSettings.Where(s => s.Id == StoredSettings.SingletonId).Select(s => s.Version).FirstOrDefault());

    public Task<long> VersionAsync(CancellationToken ct) => Version(db, ct);

    public Task<StoredSettings?> FindAsync(CancellationToken ct) =>
        db.RuntimeSettings.FirstOrDefaultAsync(s => s.Id == StoredSettings.SingletonId, ct);

    public void Add(StoredSettings settings) => db.RuntimeSettings.Add(settings);
}
