using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Latchkey.Core.OAuth;

/// <summary>
/// The browser origins allowed to call the token, userinfo and revocation endpoints cross-origin: the origin of
/// every http(s) redirect URI of an active client (a browser app receives its code there, so it calls the
/// token endpoint from there) and <see cref="OAuthOptions.CorsOrigins"/>. Held as an in-memory set re-read at
/// most once a minute (and on a miss at most every 5 seconds, so a new client works at once), so CORS checks
/// on these hot endpoints cost no database round trip.
/// </summary>
public sealed class ClientOrigins(IServiceScopeFactory scopes, IOptions<OAuthOptions> options, TimeProvider clock)
{
    private static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan MissRefresh = TimeSpan.FromSeconds(5);

    private readonly HashSet<string> _configured = new(options.Value.CorsOrigins.Select(o => o.TrimEnd('/')), StringComparer.OrdinalIgnoreCase);
    private volatile Snapshot? _snapshot;

    public async ValueTask<bool> IsAllowedAsync(string? origin, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(origin) || origin.Length > 300) return false;
        if (_configured.Contains(origin)) return true;
        var snapshot = _snapshot;
        var now = clock.GetUtcNow();
        if (snapshot is null || now - snapshot.LoadedAt > MaxAge) snapshot = await ReloadAsync(ct);
        if (snapshot.Origins.Contains(origin)) return true;
        if (now - snapshot.LoadedAt < MissRefresh) return false;
        return (await ReloadAsync(ct)).Origins.Contains(origin);
    }

    private async Task<Snapshot> ReloadAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var clients = await scope.ServiceProvider.GetRequiredService<IOAuthClientStore>().ListAsync(null, ct);
        var origins = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var uri in clients.Where(c => c.Active).SelectMany(c => c.RedirectUris))
            if (Uri.TryCreate(uri, UriKind.Absolute, out var parsed) && parsed.Scheme is "https" or "http")
                origins.Add(parsed.GetLeftPart(UriPartial.Authority));
        var snapshot = new Snapshot(origins, clock.GetUtcNow());
        _snapshot = snapshot;
        return snapshot;
    }

    private sealed record Snapshot(HashSet<string> Origins, DateTimeOffset LoadedAt);
}
