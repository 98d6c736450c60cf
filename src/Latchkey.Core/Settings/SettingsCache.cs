using System.Text.Json;
using Latchkey.Core.Cluster;
using Microsoft.Extensions.DependencyInjection;

namespace Latchkey.Core.Settings;

/// <summary>
/// The current settings overrides of this node. <see cref="RefreshAsync"/> reads the version (one tiny
/// query) and reloads the document only when it changed; the host calls it at start, the settings
/// service right after a change, and the <see cref="ChangeFeed"/> when another node changed them, so every
/// node follows within a poll.
/// </summary>
public sealed class SettingsCache(IServiceScopeFactory scopes) : IChangeSubscriber
{
    public sealed record Snapshot(RuntimeSettings Settings, long Version);

    private volatile Snapshot _current = new(RuntimeSettings.None, 0);

    public Snapshot Current => _current;

    public async Task RefreshAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<ISettingsStore>();
        if (await store.VersionAsync(ct) == _current.Version) return;
        var row = await store.FindAsync(ct);
        if (row is not null) _current = new Snapshot(Parse(row.Document), row.Version);
    }

    string IChangeSubscriber.Area => ChangeAreas.Settings;

    Task IChangeSubscriber.OnChangedAsync(CancellationToken ct) => RefreshAsync(ct);

    public static RuntimeSettings Parse(string document) =>
        JsonSerializer.Deserialize<RuntimeSettings>(document, JsonSerializerOptions.Web) ?? RuntimeSettings.None;

    public static string Serialize(RuntimeSettings settings) => JsonSerializer.Serialize(settings, JsonSerializerOptions.Web);
}
