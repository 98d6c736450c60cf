namespace Latchkey.Core.Users;

/// <summary>Port for accounts. Entities returned are tracked: change them and call <c>IUnitOfWork.SaveChangesAsync</c>.</summary>
public interface IUserStore
{
    Task<User?> FindByIdAsync(Guid id, CancellationToken ct);
    Task<User?> FindByNormalizedEmailAsync(string normalizedEmail, CancellationToken ct);
    /// <summary>Finds by username or, failing that, by email: the Simple API signs in with either.</summary>
    Task<User?> FindByLoginAsync(string normalizedLogin, CancellationToken ct);
    Task<User?> FindByPhoneNumberAsync(string e164, CancellationToken ct);
    Task<bool> EmailExistsAsync(string normalizedEmail, CancellationToken ct);
    void Add(User user);
}
