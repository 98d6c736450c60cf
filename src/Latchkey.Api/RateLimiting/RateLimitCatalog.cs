using Latchkey.Core.Settings;
using Microsoft.Extensions.Options;

namespace Latchkey.Api.RateLimiting;

/// <summary>
/// The shared policy table (<c>Latchkey:RateLimits:Policies</c>) as configured, for the runtime settings to validate
/// against and fall back to. Surfaces with their own documented table (Nhost, Nube) keep it: a runtime override
/// changes the shared rule, which every other surface uses.
/// </summary>
internal sealed class RateLimitCatalog(IOptionsFactory<RateLimitOptions> factory) : IRateLimitCatalog
{
    private readonly Lazy<IReadOnlyDictionary<string, RateLimitSetting>> _configured = new(() =>
        factory.Create(Options.DefaultName).Policies
            .Where(p => p.Key != RateLimitPolicies.None)
            .ToDictionary(p => p.Key, p => new RateLimitSetting(p.Value.Limit, (int)p.Value.Window.TotalSeconds), StringComparer.Ordinal));

    public IReadOnlyDictionary<string, RateLimitSetting> Configured => _configured.Value;

    /// <summary>The administrators' overrides on top of the configured table (see <see cref="SettingsOverlays.Live{T}"/>).</summary>
    public static void Overlay(RateLimitOptions options, RuntimeSettings settings)
    {
        foreach (var (policy, rule) in settings.RateLimits ?? [])
            options.Policies[policy] = new RateLimitRule(rule.Limit, TimeSpan.FromSeconds(rule.WindowSeconds));
    }
}
