namespace Latchkey.Core.Users.Import;

/// <summary>Port for bulk writes of imported accounts: one query per batch for conflicts, one insert per batch.</summary>
public interface IUserImportStore
{
    /// <summary>Of the given normalized emails, usernames and phone numbers, those an account already holds.</summary>
    Task<ExistingKeys> FindExistingAsync(IReadOnlyCollection<string> emails, IReadOnlyCollection<string> usernames,
        IReadOnlyCollection<string> phones, CancellationToken ct);

    /// <summary>Inserts the accounts in one transaction, with an activity record for each.</summary>
    Task InsertAsync(IReadOnlyList<User> users, CancellationToken ct);

    /// <summary>Every account in id order, a page at a time, not tracked (memory stays flat for any count).</summary>
    IAsyncEnumerable<User> ReadAllAsync(CancellationToken ct);
}

public sealed record ExistingKeys(IReadOnlySet<string> Emails, IReadOnlySet<string> Usernames, IReadOnlySet<string> Phones);
