using Latchkey.Core.Users;
using Microsoft.EntityFrameworkCore;

namespace Latchkey.Data.Stores;

internal sealed class UserStore(LatchkeyDbContext db) : IUserStore
{
    // Compiled once: these run on every sign-in and every /me-style read.
    private static readonly Func<LatchkeyDbContext, Guid, CancellationToken, Task<User?>> ById =
        EF.CompileAsyncQuery((LatchkeyDbContext db, Guid id, CancellationToken ct) => db.Users.FirstOrDefault(u => u.Id == id));

    private static readonly Func<LatchkeyDbContext, string, CancellationToken, Task<User?>> ByEmail =
        EF.CompileAsyncQuery((LatchkeyDbContext db, string email, CancellationToken ct) => db.Users.FirstOrDefault(u => u.NormalizedEmail == email));

    private static readonly Func<LatchkeyDbContext, string, CancellationToken, Task<User?>> ByUsername =
        EF.CompileAsyncQuery((LatchkeyDbContext db, string name, CancellationToken ct) => db.Users.FirstOrDefault(u => u.NormalizedUsername == name));

    public Task<User?> FindByIdAsync(Guid id, CancellationToken ct) => ById(db, id, ct);

    public Task<User?> FindByNormalizedEmailAsync(string normalizedEmail, CancellationToken ct) => ByEmail(db, normalizedEmail, ct);

    public async Task<User?> FindByLoginAsync(string normalizedLogin, CancellationToken ct)
    {
        // Emails contain '@' and usernames never do, so one indexed lookup decides.
        return normalizedLogin.Contains('@') ? await ByEmail(db, normalizedLogin, ct) : await ByUsername(db, normalizedLogin, ct);
    }

    public Task<User?> FindByPhoneNumberAsync(string e164, CancellationToken ct) =>
        db.Users.FirstOrDefaultAsync(u => u.PhoneNumber == e164, ct);

    public Task<bool> EmailExistsAsync(string normalizedEmail, CancellationToken ct) =>
        db.Users.AnyAsync(u => u.NormalizedEmail == normalizedEmail, ct);

    public void Add(User user) => db.Users.Add(user);
}
