using System.Text.Json;
using Latchkey.Core.Cluster;
using Latchkey.Core.Common;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Latchkey.Core.Tokens;

/// <summary>
/// The signing keys in memory. Signing and verification read an immutable snapshot (no database);
/// a rotation on one node reaches the others when the <see cref="ChangeFeed"/> sees the keys' version move
/// (within a poll). The snapshot is also re-read every <see cref="TokenOptions.KeyRefreshInterval"/> (keys
/// leave JWKS by time, which changes no row) and when a token names a key we do not know.
/// </summary>
public sealed class SigningKeyRing(
    IServiceScopeFactory scopes,
    IDataProtectionProvider protection,
    IOptions<TokenOptions> options,
    IEnumerable<SigningPurpose> extraPurposes,
    TimeProvider clock,
    ILogger<SigningKeyRing> logger) : IChangeSubscriber
{
    public const string AccessPurpose = "access";
    /// <summary>OpenID Connect id tokens: RS256, the algorithm every relying party must support (and logout tokens).</summary>
    public const string IdPurpose = "id";
    public const string IdTokenAlgorithm = SecurityAlgorithms.RsaSha256;
    /// <summary>Id tokens for clients that registered <c>id_token_signed_response_alg: ES256</c>: a key of their own.</summary>
    public const string IdEs256Purpose = "id-es256";

    /// <summary>The purposes whose keys sign id tokens; an id token hint verifies with any of them.</summary>
    public static readonly IReadOnlyList<string> IdPurposes = [IdPurpose, IdEs256Purpose];

    public static string IdPurposeFor(string algorithm) => algorithm == SecurityAlgorithms.EcdsaSha256 ? IdEs256Purpose : IdPurpose;

    private readonly IDataProtector _protector = protection.CreateProtector("Latchkey.SigningKeys.v1");
    private readonly SigningPurpose[] _purposes =
        [
            new SigningPurpose(AccessPurpose, options.Value.AccessTokenAlgorithm), new SigningPurpose(IdPurpose, IdTokenAlgorithm),
            new SigningPurpose(IdEs256Purpose, SecurityAlgorithms.EcdsaSha256), .. extraPurposes,
        ];
    private volatile KeySnapshot? _snapshot;
    private int _reloading;

    private KeySnapshot Snapshot => _snapshot ?? throw new InvalidOperationException("Signing keys were not loaded at start.");

    public SigningCredentials CurrentCredentials(string purpose)
    {
        ReloadInBackgroundIfStale();
        return Snapshot.Current.TryGetValue(purpose, out var credentials)
            ? credentials
            : throw new InvalidOperationException($"No current signing key for '{purpose}'.");
    }

    /// <summary>
    /// A published key of <paramref name="purpose"/>: an id token never verifies as an access token
    /// (nor the reverse), whatever its claims say.
    /// </summary>
    // Token verification calls this on every request: no purpose list is allocated for the single-purpose case.
    public SecurityKey? FindKey(string? keyId, string purpose) =>
        Published(keyId) is { } entry && entry.Purpose == purpose ? entry.Key : null;

    /// <summary>A published key of any of <paramref name="purposes"/> (the id-token keys of every algorithm).</summary>
    public SecurityKey? FindKey(string? keyId, IReadOnlyList<string> purposes) =>
        Published(keyId) is { } entry && purposes.Contains(entry.Purpose) ? entry.Key : null;

    private (SecurityKey Key, string Purpose)? Published(string? keyId)
    {
        if (keyId is null) return null;
        if (Snapshot.ByKeyId.TryGetValue(keyId, out var entry)) return entry;
        ReloadInBackground(); // A key made on another node since our last read.
        return null;
    }

    /// <summary>Keys that verify tokens without a <c>kid</c>: the shared secrets of symmetric purposes.</summary>
    public IReadOnlyList<SecurityKey> SymmetricKeys => Snapshot.Symmetric;

    /// <summary>The JWKS document of every published key, serialized once per snapshot.</summary>
    public ReadOnlyMemory<byte> JwksJson
    {
        get
        {
            ReloadInBackgroundIfStale();
            return Snapshot.JwksJson;
        }
    }

    /// <summary>The JWKS document of one purpose's keys (empty for a symmetric purpose), serialized once per snapshot.</summary>
    public ReadOnlyMemory<byte> JwksJsonFor(string purpose)
    {
        ReloadInBackgroundIfStale();
        return Snapshot.JwksByPurpose.TryGetValue(purpose, out var json) ? json : EmptyJwks;
    }

    private static readonly byte[] EmptyJwks = JsonSerializer.SerializeToUtf8Bytes(new { keys = Array.Empty<object>() });

    /// <summary>Loads the keys, creating a current key for each asymmetric purpose that has none. Called at start.</summary>
    public async Task InitializeAsync(CancellationToken ct)
    {
        var keys = await ReadAsync(ct);
        var created = false;
        foreach (var purpose in _purposes.Where(p => !p.IsSymmetric))
        {
            if (keys.Any(k => k.Purpose == purpose.Name && k.Algorithm == purpose.Algorithm && k.RetiredAt is null)) continue;
            await CreateAsync(purpose.Name, purpose.Algorithm, ct);
            created = true;
        }
        if (created) keys = await ReadAsync(ct);
        _snapshot = Build(keys);
    }

    /// <summary>
    /// Replaces the current key of <paramref name="purpose"/> with a new one. The old public key stays in
    /// JWKS for <paramref name="keepPublished"/> (the longest lifetime of a token it signed, plus skew).
    /// Returns the new key id.
    /// </summary>
    public async Task<string> RotateAsync(string purpose, TimeSpan keepPublished, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using (var scope = scopes.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<ISigningKeyStore>()
                .RetireCurrentAsync(purpose, now, now + keepPublished + options.Value.ClockSkew, ct);
        var id = await CreateAsync(purpose, AlgorithmFor(purpose) ?? throw new ArgumentOutOfRangeException(nameof(purpose), purpose, "Not a configured signing purpose."), ct);
        _snapshot = Build(await ReadAsync(ct));
        logger.LogInformation("Rotated the {Purpose} signing key; new key {KeyId}", purpose, id);
        return id;
    }

    string IChangeSubscriber.Area => ChangeAreas.SigningKeys;

    async Task IChangeSubscriber.OnChangedAsync(CancellationToken ct)
    {
        // Before the start-up load there is nothing to refresh; that load reads the keys anyway.
        if (_snapshot is null) return;
        _snapshot = Build(await ReadAsync(ct));
    }

    /// <summary>The algorithm a purpose signs with now; null for a purpose no longer configured (its keys only verify).</summary>
    private string? AlgorithmFor(string purpose) => _purposes.FirstOrDefault(p => p.Name == purpose)?.Algorithm;

    private async Task<string> CreateAsync(string purpose, string algorithm, CancellationToken ct)
    {
        var (key, pkcs8) = KeyMaterial.Generate(algorithm);
        key.Dispose();
        var row = new SigningKey
        {
            Id = RandomSecrets.Base64Url(12),
            Algorithm = algorithm,
            Purpose = purpose,
            ProtectedPrivateKey = Convert.ToBase64String(_protector.Protect(pkcs8)),
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        await using var scope = scopes.CreateAsyncScope();
        if (await scope.ServiceProvider.GetRequiredService<ISigningKeyStore>().TryAddAsync(row, ct))
            logger.LogInformation("Created {Algorithm} signing key {KeyId} for {Purpose} tokens", algorithm, row.Id, purpose);
        return row.Id;
    }

    private async Task<IReadOnlyList<SigningKey>> ReadAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ISigningKeyStore>()
            .ListPublishedAsync(clock.GetUtcNow().UtcDateTime, ct);
    }

    private KeySnapshot Build(IReadOnlyList<SigningKey> rows)
    {
        var byId = new Dictionary<string, (SecurityKey Key, string Purpose)>(StringComparer.Ordinal);
        var current = new Dictionary<string, SigningCredentials>(StringComparer.Ordinal);
        var jwks = new List<Dictionary<string, string>>();
        var jwksByPurpose = new Dictionary<string, List<Dictionary<string, string>>>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            var key = KeyMaterial.Import(row.Algorithm, row.Id, _protector.Unprotect(Convert.FromBase64String(row.ProtectedPrivateKey)));
            byId[row.Id] = (key, row.Purpose);
            var jwk = KeyMaterial.PublicJwk(key, row.Algorithm);
            jwks.Add(jwk);
            (jwksByPurpose.TryGetValue(row.Purpose, out var list) ? list : jwksByPurpose[row.Purpose] = []).Add(jwk);
            // Rows come newest first, so the first unretired key of a purpose is the one that signs.
            if (row.RetiredAt is null && row.Algorithm == AlgorithmFor(row.Purpose) && !current.ContainsKey(row.Purpose))
                current[row.Purpose] = new SigningCredentials(key, row.Algorithm);
        }
        // A rotation on another node retires the old key, then inserts the new one. A read between the two
        // steps finds no current key: keep signing with the newest published one until the next read.
        foreach (var row in rows)
            if (row.Algorithm == AlgorithmFor(row.Purpose) && !current.ContainsKey(row.Purpose))
                current[row.Purpose] = new SigningCredentials(byId[row.Id].Key, row.Algorithm);
        var symmetric = new List<SecurityKey>();
        foreach (var purpose in _purposes.Where(p => p.IsSymmetric))
        {
            var key = new SymmetricSecurityKey(purpose.SharedSecret);
            symmetric.Add(key);
            current[purpose.Name] = new SigningCredentials(key, purpose.Algorithm);
        }
        return new KeySnapshot(byId, current, symmetric,
            JsonSerializer.SerializeToUtf8Bytes(new { keys = jwks }),
            jwksByPurpose.ToDictionary(p => p.Key, p => JsonSerializer.SerializeToUtf8Bytes(new { keys = p.Value }), StringComparer.Ordinal),
            clock.GetUtcNow());
    }

    private void ReloadInBackgroundIfStale()
    {
        var snapshot = _snapshot;
        if (snapshot is not null && clock.GetUtcNow() - snapshot.LoadedAt > options.Value.KeyRefreshInterval)
            ReloadInBackground();
    }

    private void ReloadInBackground()
    {
        if (Interlocked.CompareExchange(ref _reloading, 1, 0) != 0) return;
        var snapshot = _snapshot;
        // Unknown kids must not turn into a reload per request: at most one every few seconds.
        if (snapshot is not null && clock.GetUtcNow() - snapshot.LoadedAt < TimeSpan.FromSeconds(5))
        {
            Volatile.Write(ref _reloading, 0);
            return;
        }
        _ = Task.Run(async () =>
        {
            try
            {
                _snapshot = Build(await ReadAsync(CancellationToken.None));
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "Reloading signing keys failed; keeping the keys in memory");
            }
            finally
            {
                Volatile.Write(ref _reloading, 0);
            }
        });
    }

    private sealed record KeySnapshot(
        IReadOnlyDictionary<string, (SecurityKey Key, string Purpose)> ByKeyId,
        IReadOnlyDictionary<string, SigningCredentials> Current,
        IReadOnlyList<SecurityKey> Symmetric,
        byte[] JwksJson,
        IReadOnlyDictionary<string, byte[]> JwksByPurpose,
        DateTimeOffset LoadedAt);
}
