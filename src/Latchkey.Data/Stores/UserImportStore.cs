using Latchkey.Core.Users;
using Latchkey.Core.Users.Import;
using Microsoft.EntityFrameworkCore;

namespace Latchkey.Data.Stores;

internal sealed class UserImportStore(LatchkeyDbContext db) : IUserImportStore
{
    public async Task<ExistingKeys> FindExistingAsync(IReadOnlyCollection<string> emails, IReadOnlyCollection<string> usernames,
        IReadOnlyCollection<string> phones, CancellationToken ct)
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
            found.Where(u => u.PhoneNumber is not null).Select(u => u.PhoneNumber!).ToHashSet(StringComparer.Ordinal));
    }

    public async Task InsertAsync(IReadOnlyList<User> users, CancellationToken ct)
    {
        db.Users.AddRange(users);
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

    /// <remarks>One streamed, untracked query: rows are materialized as they are read, so memory stays flat.</remarks>
    public IAsyncEnumerable<User> ReadAllAsync(CancellationToken ct) =>
        db.Users.AsNoTracking().OrderBy(u => u.CreatedAt).ThenBy(u => u.Id).AsAsyncEnumerable();
}
