using System.Collections.Concurrent;
using Latchkey.Core.Cluster;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Latchkey.Core.Tokens;

/// <summary>
/// The revoked access tokens (by jti) that have not expired yet, as every node sees them. Validation asks
/// this in-memory set, never the database: a revocation is in force at once on the node that made it, and
/// on the others when the <see cref="ChangeFeed"/> sees the revocation list's version move (within a poll)
/// and this fetches the rows added since the highest sequence it has seen. Tokens without a jti
/// (first-party tokens) never get here.
/// </summary>
public sealed class AccessTokenRevocationList(
    IServiceScopeFactory scopes, IOptions<TokenOptions> tokenOptions, TimeProvider clock, ILogger<AccessTokenRevocationList> logger)
    : IChangeSubscriber
{
    /// <summary>How far back each refresh also looks by time, for rows whose sequence committed late.</summary>
    private static readonly TimeSpan Overlap = TimeSpan.FromSeconds(10);

    private readonly ConcurrentDictionary<string, DateTime> _revoked = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _refreshing = new(1, 1);
    private long _highWater;
    private DateTime _checkedAt = DateTime.MinValue;
    private volatile bool _loaded;

    public async ValueTask<bool> IsRevokedAsync(string tokenId, CancellationToken ct = default)
    {
        if (!_loaded) await RefreshAsync(ct);
        return _revoked.ContainsKey(tokenId);
    }

    /// <summary>Revokes the token until it expires (<paramref name="expiresAt"/>): here at once, on every node through the database.</summary>
    public async Task RevokeAsync(string tokenId, DateTime expiresAt, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        // Validation accepts a token for the clock skew past its exp, so the entry lives that much longer.
        expiresAt += tokenOptions.Value.ClockSkew;
        _revoked[tokenId] = expiresAt;
        await using var scope = scopes.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<IRevokedAccessTokenStore>();
        await store.AddAsync(new RevokedAccessToken { TokenId = tokenId, ExpiresAt = expiresAt, RevokedAt = now }, ct);
        // Revocations are rare, so this is where the table is kept small.
        await store.PruneAsync(now, ct);
    }

    string IChangeSubscriber.Area => ChangeAreas.RevokedTokens;

    Task IChangeSubscriber.OnChangedAsync(CancellationToken ct) => RefreshAsync(ct);

    private async Task RefreshAsync(CancellationToken ct)
    {
        await _refreshing.WaitAsync(ct);
        try
        {
            var now = clock.GetUtcNow().UtcDateTime;
            try
            {
                await LoadChangesAsync(now, ct);
            }
            catch (Exception ex) when (_loaded && ex is not OperationCanceledException)
            {
                // The last known list stays in force; the next change the feed sees tries again.
                logger.LogWarning("Could not refresh the access-token revocation list: {Reason}", ex.Message);
            }
        }
        finally
        {
            _refreshing.Release();
        }
    }

    private async Task LoadChangesAsync(DateTime now, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<IRevokedAccessTokenStore>();
        var since = _checkedAt == DateTime.MinValue ? DateTime.MinValue : _checkedAt - Overlap;
        foreach (var row in await store.ChangedSinceAsync(_highWater, since, now, ct))
        {
            _revoked[row.TokenId] = row.ExpiresAt;
            _highWater = Math.Max(_highWater, row.Sequence);
        }
        foreach (var (tokenId, expiresAt) in _revoked)
            if (expiresAt <= now) _revoked.TryRemove(tokenId, out _);
        _checkedAt = now;
        _loaded = true;
    }
}
