namespace Latchkey.Core.Tokens;

/// <summary>
/// An access token revoked before it expired (RFC 7009), by its <c>jti</c>. Kept until the token would have
/// expired anyway; <see cref="Sequence"/> grows with every row, so nodes fetch only what is new.
/// </summary>
public sealed class RevokedAccessToken
{
    public long Sequence { get; set; }
    public required string TokenId { get; set; }
    public DateTime ExpiresAt { get; set; }
    public DateTime RevokedAt { get; set; }
}

public interface IRevokedAccessTokenStore
{
    /// <summary>Records a revocation at once; revoking the same token twice is not an error.</summary>
    Task AddAsync(RevokedAccessToken entry, CancellationToken ct);

    /// <summary>
    /// Unexpired rows after <paramref name="afterSequence"/>, and those revoked since <paramref name="revokedSince"/>
    /// (a PostgreSQL sequence value may commit after a higher one was already read).
    /// </summary>
    Task<IReadOnlyList<RevokedAccessToken>> ChangedSinceAsync(long afterSequence, DateTime revokedSince, DateTime now, CancellationToken ct);

    /// <summary>Deletes the rows of tokens that have expired by now.</summary>
    Task PruneAsync(DateTime now, CancellationToken ct);
}
