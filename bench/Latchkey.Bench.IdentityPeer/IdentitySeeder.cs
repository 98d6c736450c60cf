using Microsoft.AspNetCore.Identity;

namespace Latchkey.Bench.IdentityPeer;

/// <summary>Creates the table and N users sharing one password hash computed by Identity's own hasher (PBKDF2).</summary>
internal static class IdentitySeeder
{
    private const int Batch = 5000;

    public static async Task<int> SeedAsync(IServiceProvider services, IConfiguration config)
    {
        var count = int.Parse(config["users"] ?? throw new ArgumentException("--users is required"));
        var password = config["password"] ?? throw new ArgumentException("--password is required");
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<IdentityDb>();
        await db.Database.EnsureCreatedAsync();

        var hash = new PasswordHasher<IdentityUser>().HashPassword(new IdentityUser(), password);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        for (var start = 0; start < count; start += Batch)
        {
            for (var i = start; i < Math.Min(count, start + Batch); i++)
            {
                var email = $"bench{i}@bench.test";
                db.Users.Add(new IdentityUser
                {
                    UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email,
                    NormalizedEmail = email.ToUpperInvariant(), EmailConfirmed = true, PasswordHash = hash,
                    SecurityStamp = Guid.NewGuid().ToString("N"),
                });
            }
            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
        }
        Console.WriteLine($"seeded {count} Identity users");
        return 0;
    }
}
