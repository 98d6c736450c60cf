using Latchkey.Core.OAuth;
using Microsoft.EntityFrameworkCore;

namespace Latchkey.Data.Stores;

internal sealed class DeviceAuthorizationStore(LatchkeyDbContext db) : IDeviceAuthorizationStore
{
    public void Add(DeviceAuthorization authorization) => db.DeviceAuthorizations.Add(authorization);

    public Task<DeviceAuthorization?> FindByDeviceCodeAsync(byte[] deviceCodeHash, CancellationToken ct) =>
        db.DeviceAuthorizations.FirstOrDefaultAsync(d => d.DeviceCodeHash == deviceCodeHash, ct);

    public Task<DeviceAuthorization?> FindByUserCodeAsync(byte[] userCodeHash, CancellationToken ct) =>
        db.DeviceAuthorizations.FirstOrDefaultAsync(d => d.UserCodeHash == userCodeHash, ct);

    public async Task<bool> TryConsumeAsync(Guid id, CancellationToken ct) =>
        await db.DeviceAuthorizations
            .Where(d => d.Id == id && d.Status == DeviceStatuses.Approved)
            .ExecuteUpdateAsync(u => u.SetProperty(d => d.Status, DeviceStatuses.Consumed), ct) == 1;
}
