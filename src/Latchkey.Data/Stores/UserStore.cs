using Latchkey.Core.Users;
using Microsoft.EntityFrameworkCore;

namespace Latchkey.Data.Stores;

internal sealed class UserStore(LatchkeyDbContext db) : IUserStore
{
    public Task<User?> FindByIdAsync(Guid id, CancellationToken ct) => db.Users.FirstOrDefaultAsync(u => u.Id == id, ct);

    public Task<User?> FindByNormalizedEmailAsync(string normalizedEmail, CancellationToken ct) =>
        db.Users.FirstOrDefaultAsync(u => u.NormalizedEmail == normalizedEmail, ct);

    public async Task<User?> FindByLoginAsync(string normalizedLogin, CancellationToken ct)
    {
        // Emails contain '@' and usernames never do, so one indexed lookup decides.
        return normalizedLogin.Contains('@')
            ? await db.Users.FirstOrDefaultAsync(u => u.NormalizedEmail == normalizedLogin, ct)
            : await db.Users.FirstOrDefaultAsync(u => u.NormalizedUsername == normalizedLogin, ct);
    }

    public Task<User?> FindByPhoneNumberAsync(string e164, CancellationToken ct) =>
        db.Users.FirstOrDefaultAsync(u => u.PhoneNumber == e164, ct);

    public Task<bool> EmailExistsAsync(string normalizedEmail, CancellationToken ct) =>
        db.Users.AnyAsync(u => u.NormalizedEmail == normalizedEmail, ct);

    public void Add(User user) => db.Users.Add(user);
}
