namespace Latchkey.Core.Account;

/// <summary>Port for profile rows. Returned entities are tracked: change them and save through the unit of work.</summary>
public interface IAccountProfileStore
{
    Task<AccountProfile?> FindAsync(Guid userId, CancellationToken ct);
    void Add(AccountProfile profile);
}
