using Microsoft.Extensions.Options;

namespace Latchkey.Core.Settings;

/// <summary>
/// <see cref="IOptions{TOptions}"/> whose value is the configured options with the administrators' runtime
/// overrides applied. Consumers keep reading <c>options.Value</c> per use; the value is rebuilt only when
/// the settings version changes, so a read costs one comparison.
/// </summary>
public sealed class LiveOptions<T>(IOptionsFactory<T> factory, SettingsCache settings, Action<T, RuntimeSettings> overlay) : IOptions<T>
    where T : class
{
    private volatile Built? _built;

    private sealed record Built(T Value, long Version);

    public T Value
    {
        get
        {
            var snapshot = settings.Current;
            var built = _built;
            if (built is not null && built.Version == snapshot.Version) return built.Value;
            // A fresh instance from configuration each time: overrides removed later fall back to the configured value.
            var value = factory.Create(Options.DefaultName);
            overlay(value, snapshot.Settings);
            _built = new Built(value, snapshot.Version);
            return value;
        }
    }
}
