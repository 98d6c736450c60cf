using Microsoft.EntityFrameworkCore;

namespace Latchkey.Data;

internal static class DbContextExtensions
{
    /// <summary>
    /// Inserts one row now; false when a unique index says another node inserted it first.
    /// Used for the rows that nodes create lazily and race for (keys, server secrets).
    /// </summary>
    public static async Task<bool> TryInsertAsync<T>(this LatchkeyDbContext db, T entity, CancellationToken ct) where T : class
    {
        db.Add(entity);
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException ex) when (UnitOfWork.IsUniqueViolation(ex))
        {
            return false;
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }
}
