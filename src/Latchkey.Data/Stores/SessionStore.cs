using Latchkey.Core.Sessions;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Latchkey.Data.Stores;

internal sealed class SessionStore(LatchkeyDbContext db) : ISessionStore
{
    // Compiled once: the refresh and token-verification hot paths skip building and funcletizing the
    // expression tree and the query-cache lookup on every call (a profile showed it per request).
    private static readonly Func<LatchkeyDbContext, byte[], CancellationToken, Task<RefreshTokenLookup?>> FindRefreshToken =
        EF.CompileAsyncQuery((LatchkeyDbContext db, byte[] tokenHash, CancellationToken ct) =>
            (from t in db.RefreshTokens.AsNoTracking()
             join s in db.Sessions on t.SessionId equals s.Id
             join u in db.Users on s.UserId equals u.Id
             where t.TokenHash == tokenHash
             select new RefreshTokenLookup(t.Id, s.Id, t.ExpiresAt, t.RotatedAt, s.ExpiresAt, s.RevokedAt,
                 new TokenSubject(u.Id, u.Email, u.Username, u.Role, u.Disabled, u.IsAnonymous, u.DefaultRole, u.AllowedRoles, u.GroupRoles),
                 s.ClientRowId == null ? null : new OAuthGrantInfo(s.ClientRowId.Value, s.Scope ?? "", s.BrowserSessionId, s.AuthTime)))
            .FirstOrDefault());

    private static readonly Func<LatchkeyDbContext, Guid, DateTime, CancellationToken, Task<bool>> IsActive =
        EF.CompileAsyncQuery((LatchkeyDbContext db, Guid sessionId, DateTime now, CancellationToken ct) =>
            db.Sessions.Any(s => s.Id == sessionId && s.RevokedAt == null && s.ExpiresAt > now));

    public void Add(Session session) => db.Sessions.Add(session);

    public void Add(RefreshToken token) => db.RefreshTokens.Add(token);

    public Task<Session?> FindAsync(Guid sessionId, CancellationToken ct) => db.Sessions.FirstOrDefaultAsync(s => s.Id == sessionId, ct);

    public Task<SessionWithUser?> FindActiveByCookieHashAsync(byte[] cookieSecretHash, DateTime now, CancellationToken ct) =>
        (from s in db.Sessions.AsNoTracking()
         join u in db.Users on s.UserId equals u.Id
         where s.CookieSecretHash == cookieSecretHash && s.RevokedAt == null && s.ExpiresAt > now
         select new SessionWithUser(s.Id, s.LastActivityAt, s.ElevatedAt,
             new TokenSubject(u.Id, u.Email, u.Username, u.Role, u.Disabled, u.IsAnonymous, u.DefaultRole, u.AllowedRoles, u.GroupRoles), s.ImpersonatorId))
        .FirstOrDefaultAsync(ct);

    public Task<bool> IsActiveAsync(Guid sessionId, DateTime now, CancellationToken ct) => IsActive(db, sessionId, now, ct);

    public async Task<IReadOnlyList<Session>> ListActiveAsync(Guid userId, DateTime now, CancellationToken ct) =>
        await db.Sessions.AsNoTracking()
            // OAuth grants are listed as authorized apps, not as sign-ins.
            .Where(s => s.UserId == userId && s.RevokedAt == null && s.ExpiresAt > now && s.Kind != SessionKinds.OAuth)
            .OrderByDescending(s => s.LastActivityAt)
            .ToListAsync(ct);

    public async Task<bool> RevokeAsync(Guid sessionId, DateTime now, string reason, CancellationToken ct) =>
        await db.Sessions
            .Where(s => s.Id == sessionId && s.RevokedAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.RevokedAt, now).SetProperty(s => s.RevokedReason, reason), ct) > 0;

    public Task<int> RevokeAllAsync(Guid userId, Guid? keepSessionId, DateTime now, string reason, CancellationToken ct) =>
        db.Sessions
            .Where(s => s.UserId == userId && s.RevokedAt == null && s.ExpiresAt > now && s.Id != keepSessionId)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.RevokedAt, now).SetProperty(s => s.RevokedReason, reason), ct);

    public Task<RefreshTokenLookup?> FindRefreshTokenAsync(byte[] tokenHash, CancellationToken ct) => FindRefreshToken(db, tokenHash, ct);

    public async Task<RefreshRotationOutcome?> FindAndRotateAsync(byte[] tokenHash, RefreshRotation rotation, CancellationToken ct)
    {
        if (db.Database.IsNpgsql())
        {
            try
            {
                return await PostgresRefreshRotation.RunAsync(db, tokenHash, rotation, ct);
            }
            catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UniqueViolation)
            {
                // The successor already exists, so the token was rotated before; the statement wrote nothing.
                return await FindRefreshToken(db, tokenHash, ct) is { } rotatedBefore ? new(rotatedBefore, false) : null;
            }
        }

        // SQLite: the read, then the rotation batch in its own transaction behind the write gate.
        var found = await FindRefreshToken(db, tokenHash, ct);
        if (found is null) return null;
        var rotated = found.RotatedAt is null && found.IsUsable(rotation.Now, rotation.ClientRowId)
            && await TryRotateAsync(found.TokenId, rotation.SuccessorOf(found), rotation.Now, ct);
        return new RefreshRotationOutcome(found, rotated);
    }

    private async Task<bool> TryRotateAsync(Guid currentTokenId, RefreshToken successor, DateTime now, CancellationToken ct)
    {
        // A stub with the original RotatedAt (null) makes EF issue "UPDATE ... WHERE id = @id AND rotated_at IS NULL",
        // batched with the successor's INSERT in one round trip.
        var current = new RefreshToken { Id = currentTokenId, TokenHash = [] };
        db.RefreshTokens.Attach(current);
        current.RotatedAt = now;
        db.RefreshTokens.Add(successor);
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            return false;
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

    public async Task<IReadOnlyList<Session>> ListGrantsOfBrowserSessionAsync(Guid browserSessionId, DateTime now, CancellationToken ct) =>
        await db.Sessions.AsNoTracking()
            .Where(s => s.BrowserSessionId == browserSessionId && s.RevokedAt == null && s.ExpiresAt > now)
            .ToListAsync(ct);

    public Task<int> RevokeClientGrantsAsync(Guid? userId, Guid clientRowId, DateTime now, string reason, CancellationToken ct) =>
        db.Sessions
            .Where(s => (userId == null || s.UserId == userId) && s.ClientRowId == clientRowId && s.RevokedAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.RevokedAt, now).SetProperty(s => s.RevokedReason, reason), ct);

    public Task<Session?> FindActiveAsync(Guid sessionId, DateTime now, CancellationToken ct) =>
        db.Sessions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == sessionId && s.RevokedAt == null && s.ExpiresAt > now, ct);

    public Task TouchAsync(Guid sessionId, DateTime now, CancellationToken ct) =>
        db.Sessions.Where(s => s.Id == sessionId).ExecuteUpdateAsync(u => u.SetProperty(s => s.LastActivityAt, now), ct);
}
