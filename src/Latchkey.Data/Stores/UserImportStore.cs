using Latchkey.Core.Social;
using Latchkey.Core.Users;
using Latchkey.Core.Users.Import;
using Microsoft.EntityFrameworkCore;

namespace Latchkey.Data.Stores;

internal sealed class UserImportStore(LatchkeyDbContext db) : IUserImportStore
{
    public async Task<ExistingKeys> FindExistingAsync(IReadOnlyCollection<string> emails, IReadOnlyCollection<string> usernames,
        IReadOnlyCollection<string> phones, IReadOnlyCollection<string> identities, CancellationToken ct)
    {
        // One round trip: the three unique keys of the batch against their indexes.
        var found = await db.Users.AsNoTracking()
            .Where(u => emails.Contains(u.NormalizedEmail)
                || (u.NormalizedUsername != null && usernames.Contains(u.NormalizedUsername))
                || (u.PhoneNumber != null && phones.Contains(u.PhoneNumber)))
            .Select(u => new { u.NormalizedEmail, u.NormalizedUsername, u.PhoneNumber })
            .ToListAsync(ct);
        return new ExistingKeys(
            found.Select(u => u.NormalizedEmail).ToHashSet(StringComparer.Ordinal),
            found.Where(u => u.NormalizedUsername is not null).Select(u => u.NormalizedUsername!).ToHashSet(StringComparer.Ordinal),
            found.Where(u => u.PhoneNumber is not null).Select(u => u.PhoneNumber!).ToHashSet(StringComparer.Ordinal),
            await LinkedAsync(identities, ct));
    }

    /// <summary>
    /// Which of the identities are linked already: one query (only when the batch has any), by provider and id
    /// against the unique (provider, provider_user_id) index; a pair matched only across two identities is dropped here.
    /// </summary>
    private async Task<IReadOnlySet<string>> LinkedAsync(IReadOnlyCollection<string> identities, CancellationToken ct)
    {
        if (identities.Count == 0) return new HashSet<string>();
        var pairs = identities.Select(k => k.Split('\n', 2)).ToList();
        var providers = pairs.Select(p => p[0]).Distinct().ToList();
        var ids = pairs.Select(p => p[1]).Distinct().ToList();
        var found = await db.UserIdentities.AsNoTracking()
            .Where(i => providers.Contains(i.Provider) && ids.Contains(i.ProviderUserId))
            .Select(i => new { i.Provider, i.ProviderUserId })
            .ToListAsync(ct);
        return found.Select(i => ImportedIdentities.Key(i.Provider, i.ProviderUserId)).Where(identities.Contains).ToHashSet(StringComparer.Ordinal);
    }

    public async Task InsertAsync(IReadOnlyList<User> users, IReadOnlyList<UserIdentity> identities, CancellationToken ct)
    {
        db.Users.AddRange(users);
        db.UserIdentities.AddRange(identities);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        finally
        {
            // A long import must not keep every account it wrote tracked.
            db.ChangeTracker.Clear();
        }
    }

    /// <remarks>
    /// One streamed, untracked query (a single SQL query with the identities joined, ordered by account, so EF Core
    /// materializes each account with its identities as the rows arrive): memory stays flat.
    /// </remarks>
    public IAsyncEnumerable<UserWithIdentities> ReadAllAsync(CancellationToken ct) =>
        db.Users.AsNoTracking().OrderBy(u => u.CreatedAt).ThenBy(u => u.Id)
            .Select(u => new UserWithIdentities(u, db.UserIdentities.Where(i => i.UserId == u.Id).OrderBy(i => i.Provider).ToList()))
            .AsSingleQuery()
            .AsAsyncEnumerable();
}
