using Microsoft.Extensions.Options;

namespace Latchkey.Data.KeyRing;

/// <summary>
/// The configured wrapping keys, read once: the current one (if any) and every key that may still have encrypted a
/// stored element, by identifier.
/// </summary>
public sealed class WrappingKeySet
{
    private readonly Lazy<(WrappingKey? Current, IReadOnlyDictionary<string, WrappingKey> All)> _keys;

    public WrappingKeySet(IOptions<WrappingKeyOptions> options) => _keys = new(() => Load(options.Value));

    public WrappingKey? Current => _keys.Value.Current;

    public WrappingKey? Find(string id) => _keys.Value.All.GetValueOrDefault(id);

    public static (WrappingKey? Current, IReadOnlyDictionary<string, WrappingKey> All) Load(WrappingKeyOptions options)
    {
        const string prefix = WrappingKeyOptions.Section + ":";
        if (!string.IsNullOrWhiteSpace(options.WrappingKey) && !string.IsNullOrWhiteSpace(options.WrappingKeyFile))
            throw new WrappingKeyException($"Set {prefix}WrappingKey or {prefix}WrappingKeyFile, not both.");
        var current = !string.IsNullOrWhiteSpace(options.WrappingKey) ? WrappingKey.Parse(options.WrappingKey, prefix + "WrappingKey")
            : !string.IsNullOrWhiteSpace(options.WrappingKeyFile) ? WrappingKey.ReadFile(options.WrappingKeyFile, prefix + "WrappingKeyFile")
            : null;
        var previous = options.PreviousWrappingKeys.Select((k, i) => WrappingKey.Parse(k, $"{prefix}PreviousWrappingKeys:{i}"))
            .Concat(options.PreviousWrappingKeyFiles.Select((f, i) => WrappingKey.ReadFile(f, $"{prefix}PreviousWrappingKeyFiles:{i}")));
        var all = new Dictionary<string, WrappingKey>(StringComparer.Ordinal);
        foreach (var key in current is null ? previous : previous.Prepend(current)) all.TryAdd(key.Id, key);
        return (current, all);
    }
}

/// <summary>Checked with the other settings before a start or by <c>config check</c>: every key must parse.</summary>
internal sealed class WrappingKeyValidator : IValidateOptions<WrappingKeyOptions>
{
    public ValidateOptionsResult Validate(string? name, WrappingKeyOptions options)
    {
        try
        {
            WrappingKeySet.Load(options);
            return ValidateOptionsResult.Success;
        }
        catch (WrappingKeyException ex)
        {
            return ValidateOptionsResult.Fail(ex.Message);
        }
    }
}
