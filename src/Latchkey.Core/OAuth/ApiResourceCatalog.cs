using Latchkey.Core.Cluster;
using Microsoft.Extensions.Options;

namespace Latchkey.Core.OAuth;

/// <summary>
/// Every API resource, kept in memory for <see cref="OAuthOptions.ClientCacheLifetime"/> like the clients:
/// token requests that name a resource or a custom scope look it up, and reading the table each time would
/// add a round trip to the client_credentials path. Changes through <see cref="ApiResourceService"/> drop
/// the snapshot on this node at once; other nodes drop theirs when the <see cref="ChangeFeed"/> sees the
/// OAuth clients' area move (the resources' triggers bump it too).
/// </summary>
public sealed class ApiResourceCatalog(IOptions<OAuthOptions> options, TimeProvider clock) : IChangeSubscriber
{
    private volatile Entry? _entry;
    private long _generation;

    public ValueTask<ApiResourceSet> GetAsync(IApiResourceStore store, CancellationToken ct) => GetAsync(() => store, ct);

    /// <summary>The snapshot; <paramref name="store"/> is called only when it must be read again.</summary>
    public async ValueTask<ApiResourceSet> GetAsync(Func<IApiResourceStore> store, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcTicks;
        if (_entry is { } e && e.ExpiresAtTicks > now) return e.Set;
        var generation = Interlocked.Read(ref _generation);
        var set = new ApiResourceSet(await store().ListAsync(ct));
        var lifetime = options.Value.ClientCacheLifetime;
        // A snapshot read while a change arrived is used once but not kept.
        if (lifetime > TimeSpan.Zero && generation == Interlocked.Read(ref _generation)) _entry = new Entry(set, now + lifetime.Ticks);
        return set;
    }

    public void Forget() => _entry = null;

    string IChangeSubscriber.Area => ChangeAreas.OAuthClients;

    Task IChangeSubscriber.OnChangedAsync(CancellationToken ct)
    {
        Interlocked.Increment(ref _generation);
        _entry = null;
        return Task.CompletedTask;
    }

    private sealed record Entry(ApiResourceSet Set, long ExpiresAtTicks);
}

/// <summary>A snapshot of the API resources, indexed by identifier and by scope (custom scope names are unique).</summary>
public sealed class ApiResourceSet
{
    private readonly Dictionary<string, ApiResource> _byIdentifier = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ApiResource> _byScope = new(StringComparer.Ordinal);

    public ApiResourceSet(IReadOnlyList<ApiResource> resources)
    {
        All = resources;
        foreach (var r in resources)
        {
            _byIdentifier[r.Identifier] = r;
            foreach (var s in r.Scopes) _byScope[s.Value] = r;
        }
    }

    public IReadOnlyList<ApiResource> All { get; }

    public IEnumerable<string> CustomScopes => _byScope.Keys;

    public ApiResource? Find(string identifier) => _byIdentifier.GetValueOrDefault(identifier);

    /// <summary>The resource that offers <paramref name="scope"/>; null for standard and unknown scopes.</summary>
    public ApiResource? OwnerOf(string scope) => _byScope.GetValueOrDefault(scope);

    public bool IsCustomScope(string scope) => _byScope.ContainsKey(scope);

    /// <summary>What a scope allows, in words for the consent screen: the standard text, or the one its API resource gave.</summary>
    public string Describe(string scope) =>
        Scopes.Descriptions.GetValueOrDefault(scope) ?? OwnerOf(scope)?.Scopes.Find(s => s.Value == scope)?.Description ?? scope;
}
