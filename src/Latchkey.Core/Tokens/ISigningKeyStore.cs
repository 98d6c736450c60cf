namespace Latchkey.Core.Tokens;

public interface ISigningKeyStore
{
    /// <summary>Keys still published (not past <see cref="SigningKey.PublishUntil"/>), newest first.</summary>
    Task<IReadOnlyList<SigningKey>> ListPublishedAsync(DateTime now, CancellationToken ct);

    /// <summary>Inserts a key at once; false if another node inserted a current key for the same purpose first.</summary>
    Task<bool> TryAddAsync(SigningKey key, CancellationToken ct);

    /// <summary>Retires the current keys of a purpose (set-based, at once), keeping them published until <paramref name="publishUntil"/>.</summary>
    Task RetireCurrentAsync(string purpose, DateTime now, DateTime publishUntil, CancellationToken ct);
}
