using Latchkey.Core.Users;
using Microsoft.AspNetCore.Identity;
using LatchkeyUsers = Latchkey.Core.Users.IUserStore;

namespace Latchkey.Core.Passkeys;

/// <summary>
/// Exposes our users and passkeys through the two Identity store interfaces that ASP.NET Core's
/// <see cref="PasskeyHandler{TUser}"/> reads through <see cref="UserManager{TUser}"/>. Account
/// creation and naming stay with our own services, so those members are not supported here.
/// </summary>
public sealed class IdentityUserAdapter(LatchkeyUsers users, IPasskeyStore passkeys)
    : Microsoft.AspNetCore.Identity.IUserStore<User>, IUserPasskeyStore<User>
{
    public Task<string> GetUserIdAsync(User user, CancellationToken ct) => Task.FromResult(user.Id.ToString());

    public Task<string?> GetUserNameAsync(User user, CancellationToken ct) => Task.FromResult<string?>(user.Email);

    public Task<string?> GetNormalizedUserNameAsync(User user, CancellationToken ct) => Task.FromResult<string?>(user.NormalizedEmail);

    public async Task<User?> FindByIdAsync(string userId, CancellationToken ct) =>
        Guid.TryParse(userId, out var id) ? await users.FindByIdAsync(id, ct) : null;

    public Task<User?> FindByNameAsync(string normalizedUserName, CancellationToken ct) => users.FindByNormalizedEmailAsync(normalizedUserName, ct);

    public async Task<User?> FindByPasskeyIdAsync(byte[] credentialId, CancellationToken ct) =>
        await passkeys.FindOwnerAsync(credentialId, ct) is { } owner ? await users.FindByIdAsync(owner, ct) : null;

    public async Task<IList<UserPasskeyInfo>> GetPasskeysAsync(User user, CancellationToken ct) =>
        (await passkeys.ListForUserAsync(user.Id, ct)).Select(PasskeyMapping.ToInfo).ToList();

    public async Task<UserPasskeyInfo?> FindPasskeyAsync(User user, byte[] credentialId, CancellationToken ct) =>
        await passkeys.FindAsync(user.Id, credentialId, ct) is { } passkey ? PasskeyMapping.ToInfo(passkey) : null;

    public async Task AddOrUpdatePasskeyAsync(User user, UserPasskeyInfo passkey, CancellationToken ct)
    {
        var existing = await passkeys.FindAsync(user.Id, passkey.CredentialId, ct);
        if (existing is null) passkeys.Add(PasskeyMapping.FromInfo(user.Id, passkey, passkey.Name ?? "Passkey"));
        else PasskeyMapping.ApplyAssertion(existing, passkey);
    }

    public async Task RemovePasskeyAsync(User user, byte[] credentialId, CancellationToken ct)
    {
        if (await passkeys.FindAsync(user.Id, credentialId, ct) is { } existing) passkeys.Remove(existing);
    }

    // Accounts are created, renamed and deleted by Latchkey's own services, never through Identity.
    public Task SetUserNameAsync(User user, string? userName, CancellationToken ct) => throw new NotSupportedException();
    public Task SetNormalizedUserNameAsync(User user, string? normalizedName, CancellationToken ct) => throw new NotSupportedException();
    public Task<IdentityResult> CreateAsync(User user, CancellationToken ct) => throw new NotSupportedException();
    public Task<IdentityResult> UpdateAsync(User user, CancellationToken ct) => throw new NotSupportedException();
    public Task<IdentityResult> DeleteAsync(User user, CancellationToken ct) => throw new NotSupportedException();

    public void Dispose() { }
}
