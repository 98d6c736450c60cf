using Latchkey.Core.Common;
using Latchkey.Core.Sessions;
using Latchkey.Core.Users;
using Latchkey.Data;

namespace Latchkey.Bench.Seed;

/// <summary>Through EF in batches: SQLite runs are small (10 thousand), and EF writes the exact value formats the server reads.</summary>
internal sealed class SqliteSeeder(LatchkeyDbContext db) : ISeeder
{
    private const int Batch = 5000;

    public async Task SeedAsync(long count, string passwordHash, string salt, DateTime now)
    {
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        for (long start = 0; start < count; start += Batch)
        {
            for (var i = start; i < Math.Min(count, start + Batch); i++) Add(i, passwordHash, salt, now);
            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
        }
    }

    private void Add(long i, string passwordHash, string salt, DateTime now)
    {
        var user = new User
        {
            Id = Ids.New(), Email = $"bench{i}@bench.test", NormalizedEmail = $"BENCH{i}@BENCH.TEST",
            EmailVerified = true, Username = $"bench{i}", NormalizedUsername = $"BENCH{i}", PasswordHash = passwordHash,
            CreatedAt = now, UpdatedAt = now,
        };
        var session = new Session
        {
            Id = Ids.New(), UserId = user.Id, Kind = SessionKinds.Bearer, AuthMethod = AuthMethods.Password,
            IpAddress = "127.0.0.1", UserAgent = "latchkey-bench", CreatedAt = now, LastActivityAt = now, ElevatedAt = now,
            ExpiresAt = now.AddDays(1),
        };
        var token = new RefreshToken
        {
            Id = Ids.New(), SessionId = session.Id, UserId = user.Id,
            TokenHash = SecretHash.Sha256(BenchSecrets.RefreshSecret(salt, i)), CreatedAt = now, ExpiresAt = session.ExpiresAt,
        };
        db.Users.Add(user);
        db.Sessions.Add(session);
        db.RefreshTokens.Add(token);
    }
}
