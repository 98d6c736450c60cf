using Latchkey.Core.Social;

namespace Latchkey.Core.Users.Import;

/// <summary>Port for bulk writes of imported accounts: one query per batch for conflicts, one insert per batch.</summary>
public interface IUserImportStore
{
    /// <summary>
    /// Of the given normalized emails, usernames and phone numbers, those an account already holds, and of the given
    /// identities (<see cref="ImportedIdentities.Key"/>), those linked to an account already.
    /// </summary>
    Task<ExistingKeys> FindExistingAsync(IReadOnlyCollection<string> emails, IReadOnlyCollection<string> usernames,
        IReadOnlyCollection<string> phones, IReadOnlyCollection<string> identities, CancellationToken ct);

    /// <summary>Inserts the accounts and their linked identities in one transaction.</summary>
    Task InsertAsync(IReadOnlyList<User> users, IReadOnlyList<UserIdentity> identities, CancellationToken ct);

    /// <summary>Every account with its linked identities, in creation order, not tracked (memory stays flat for any count).</summary>
    IAsyncEnumerable<UserWithIdentities> ReadAllAsync(CancellationToken ct);
}

public sealed record ExistingKeys(IReadOnlySet<string> Emails, IReadOnlySet<string> Usernames, IReadOnlySet<string> Phones, IReadOnlySet<string> Identities);

/// <summary>An account as the export writes it.</summary>
public sealed record UserWithIdentities(User User, IReadOnlyList<UserIdentity> Identities);
