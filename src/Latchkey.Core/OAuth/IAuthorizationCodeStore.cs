namespace Latchkey.Core.OAuth;

public interface IAuthorizationCodeStore
{
    void Add(AuthorizationCode code);
    Task<AuthorizationCode?> FindByHashAsync(byte[] codeHash, CancellationToken ct);
    /// <summary>
    /// Marks the code consumed by <paramref name="grantSessionId"/> only if nobody did before (one
    /// conditional UPDATE); false means the code was already used.
    /// </summary>
    Task<bool> TryConsumeAsync(Guid codeId, Guid grantSessionId, DateTime now, CancellationToken ct);
}
