using Latchkey.Api.Tests.Infrastructure;
using Latchkey.Core.Users;
using Latchkey.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Latchkey.Api.Tests.Storage;

/// <summary>
/// Decision 78's data migration on a database that SCIM wrote before it: titles and time zones move to the account
/// profile without overwriting what the person had set there, and the SCIM-only columns go.
/// </summary>
public sealed class ScimTitleMigrationTests
{
    private const string Before = "20261204000200_ScimTokenChanges";

    [Fact]
    public async Task Scim_titles_and_time_zones_move_to_the_account_profile()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync();
        var services = new ServiceCollection()
            .AddLatchkeyData(new ConfigurationBuilder().AddInMemoryCollection(database.Settings).Build())
            .BuildServiceProvider();
        await using var _ = services;
        var now = new DateTime(2026, 12, 1, 12, 0, 0, DateTimeKind.Utc);
        Guid bare = Guid.NewGuid(), own = Guid.NewGuid(), none = Guid.NewGuid();
        var longTitle = new string('T', 180);   // SCIM took 256; the profile API takes 100

        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LatchkeyDbContext>();
            await db.GetService<IMigrator>().MigrateAsync(Before, ct);
            foreach (var id in new[] { bare, own, none })
                db.Users.Add(new User { Id = id, Email = $"{id:N}@example.com", NormalizedEmail = $"{id:N}@EXAMPLE.COM", CreatedAt = now, UpdatedAt = now });
            await db.SaveChangesAsync(ct);
            await db.Database.ExecuteSqlAsync($"INSERT INTO scim_user_profiles (user_id, title, timezone) VALUES ({bare}, {longTitle}, {"Europe/Paris"})", ct);
            await db.Database.ExecuteSqlAsync($"INSERT INTO scim_user_profiles (user_id, title, timezone) VALUES ({own}, {"SCIM title"}, {"Asia/Tokyo"})", ct);
            await db.Database.ExecuteSqlAsync($"INSERT INTO scim_user_profiles (user_id, external_id) VALUES ({none}, {"ext-" + none})", ct);
            await db.Database.ExecuteSqlAsync($"INSERT INTO user_profiles (user_id, job_title, updated_at) VALUES ({own}, {"Own title"}, {now})", ct);
        }

        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LatchkeyDbContext>();
            await db.Database.MigrateAsync(ct);
            var rows = await db.AccountProfiles.AsNoTracking().Where(p => p.UserId == bare || p.UserId == own || p.UserId == none)
                .ToDictionaryAsync(p => p.UserId, ct);
            Assert.Equal(2, rows.Count);
            Assert.Equal((longTitle, "Europe/Paris", now), (rows[bare].JobTitle, rows[bare].TimeZone, rows[bare].UpdatedAt));
            // What the person set stays; the empty time zone takes SCIM's.
            Assert.Equal(("Own title", "Asia/Tokyo"), (rows[own].JobTitle, rows[own].TimeZone));
            Assert.Equal("ext-" + none, await db.ScimUserProfiles.Where(p => p.UserId == none).Select(p => p.ExternalId).SingleAsync(ct));
            await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlRawAsync("SELECT title FROM scim_user_profiles", ct));
        }
    }
}
