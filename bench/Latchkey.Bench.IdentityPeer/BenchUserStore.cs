using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Latchkey.Bench.IdentityPeer;

/// <summary>
/// The minimum EF-backed store MapIdentityApi needs for register, login and refresh: users, passwords,
/// emails and security stamps (refresh re-reads the stamp). It does what the framework's UserStore does
/// for these interfaces: tracked entity, SaveChanges on create/update, lookups by normalized name.
/// </summary>
internal sealed class BenchUserStore(IdentityDb db) :
    IUserPasswordStore<IdentityUser>, IUserEmailStore<IdentityUser>, IUserSecurityStampStore<IdentityUser>
{
    public async Task<IdentityResult> CreateAsync(IdentityUser user, CancellationToken ct)
    {
        db.Users.Add(user);
        await db.SaveChangesAsync(ct);
        return IdentityResult.Success;
    }

    public async Task<IdentityResult> UpdateAsync(IdentityUser user, CancellationToken ct)
    {
        db.Users.Attach(user);
        user.ConcurrencyStamp = Guid.NewGuid().ToString();
        db.Users.Update(user);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return IdentityResult.Failed(new IdentityErrorDescriber().ConcurrencyFailure());
        }
        return IdentityResult.Success;
    }

    public async Task<IdentityResult> DeleteAsync(IdentityUser user, CancellationToken ct)
    {
        db.Users.Remove(user);
        await db.SaveChangesAsync(ct);
        return IdentityResult.Success;
    }

    public Task<IdentityUser?> FindByIdAsync(string userId, CancellationToken ct) =>
        db.Users.FirstOrDefaultAsync(u => u.Id == userId, ct);

    public Task<IdentityUser?> FindByNameAsync(string normalizedUserName, CancellationToken ct) =>
        db.Users.FirstOrDefaultAsync(u => u.NormalizedUserName == normalizedUserName, ct);

    public Task<IdentityUser?> FindByEmailAsync(string normalizedEmail, CancellationToken ct) =>
        db.Users.FirstOrDefaultAsync(u => u.NormalizedEmail == normalizedEmail, ct);

    public Task<string> GetUserIdAsync(IdentityUser user, CancellationToken ct) => Task.FromResult(user.Id);
    public Task<string?> GetUserNameAsync(IdentityUser user, CancellationToken ct) => Task.FromResult(user.UserName);
    public Task SetUserNameAsync(IdentityUser user, string? userName, CancellationToken ct) => Set(() => user.UserName = userName);
    public Task<string?> GetNormalizedUserNameAsync(IdentityUser user, CancellationToken ct) => Task.FromResult(user.NormalizedUserName);
    public Task SetNormalizedUserNameAsync(IdentityUser user, string? name, CancellationToken ct) => Set(() => user.NormalizedUserName = name);
    public Task<string?> GetPasswordHashAsync(IdentityUser user, CancellationToken ct) => Task.FromResult(user.PasswordHash);
    public Task SetPasswordHashAsync(IdentityUser user, string? hash, CancellationToken ct) => Set(() => user.PasswordHash = hash);
    public Task<bool> HasPasswordAsync(IdentityUser user, CancellationToken ct) => Task.FromResult(user.PasswordHash is not null);
    public Task<string?> GetEmailAsync(IdentityUser user, CancellationToken ct) => Task.FromResult(user.Email);
    public Task SetEmailAsync(IdentityUser user, string? email, CancellationToken ct) => Set(() => user.Email = email);
    public Task<bool> GetEmailConfirmedAsync(IdentityUser user, CancellationToken ct) => Task.FromResult(user.EmailConfirmed);
    public Task SetEmailConfirmedAsync(IdentityUser user, bool confirmed, CancellationToken ct) => Set(() => user.EmailConfirmed = confirmed);
    public Task<string?> GetNormalizedEmailAsync(IdentityUser user, CancellationToken ct) => Task.FromResult(user.NormalizedEmail);
    public Task SetNormalizedEmailAsync(IdentityUser user, string? email, CancellationToken ct) => Set(() => user.NormalizedEmail = email);
    public Task<string?> GetSecurityStampAsync(IdentityUser user, CancellationToken ct) => Task.FromResult(user.SecurityStamp);
    public Task SetSecurityStampAsync(IdentityUser user, string stamp, CancellationToken ct) => Set(() => user.SecurityStamp = stamp);

    public void Dispose()
    {
    }

    private static Task Set(Action assign)
    {
        assign();
        return Task.CompletedTask;
    }
}
