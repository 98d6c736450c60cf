namespace Latchkey.Core.Tokens;

public interface ISigningKeyStore
{
    /// <summary>Keys still published (not past <see cref="SigningKey.PublishUntil"/>), newest first.</summary>
    Task<IReadOnlyList<SigningKey>> ListPublishedAsync(DateTime now, CancellationToken ct);

    /// <summary>Inserts a key at once; false if another node inserted a current key for the same purpose first.</summary>
    Task<bool> TryAddAsync(SigningKey key, CancellationToken ct);
}
