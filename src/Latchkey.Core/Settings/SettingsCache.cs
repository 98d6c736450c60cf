using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;

namespace Latchkey.Core.Settings;

/// <summary>
/// The current settings overrides of this node. <see cref="RefreshAsync"/> reads the version (one tiny
/// query) and reloads the document only when it changed; <see cref="SettingsRefresher"/> calls it every
/// few seconds and the settings service right after a change, so every node follows within seconds.
/// </summary>
public sealed class SettingsCache(IServiceScopeFactory scopes)
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

    public static RuntimeSettings Parse(string document) =>
        JsonSerializer.Deserialize<RuntimeSettings>(document, JsonSerializerOptions.Web) ?? RuntimeSettings.None;

    public static string Serialize(RuntimeSettings settings) => JsonSerializer.Serialize(settings, JsonSerializerOptions.Web);
}
