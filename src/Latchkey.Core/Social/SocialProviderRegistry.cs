using Microsoft.Extensions.Options;

namespace Latchkey.Core.Social;

/// <summary>
/// Resolves provider names to configured providers. Catalog providers resolve from settings alone; a
/// generic OpenID Connect provider resolves through its issuer's discovery document (cached).
/// </summary>
public sealed class SocialProviderRegistry(IOptions<SocialOptions> options, OidcDiscovery discovery)
{
    /// <summary>The names of every enabled provider, in alphabetical order (configuration sources do not keep an order).</summary>
    public IReadOnlyList<string> EnabledNames =>
        options.Value.Providers.Where(p => p.Value.Enabled && !string.IsNullOrEmpty(p.Value.ClientId))
            .Select(p => p.Key.ToLowerInvariant()).Order(StringComparer.Ordinal).ToList();

    public bool IsEnabled(string? name) =>
        name is not null && options.Value.Providers.TryGetValue(name, out var settings) && settings.Enabled && !string.IsNullOrEmpty(settings.ClientId);

    /// <summary>The provider, or null when it is not configured or disabled. Throws <see cref="UpstreamUnavailableException"/> if discovery fails.</summary>
    public async Task<SocialProvider?> FindAsync(string? name, CancellationToken ct)
    {
        if (!IsEnabled(name)) return null;
        var settings = options.Value.Providers[name!];
        var key = name!.ToLowerInvariant();
        if (ProviderCatalog.BuiltIn.TryGetValue(key, out var description))
            return Resolve(description, settings, null);

        var document = await discovery.GetAsync(settings.Issuer!, ct);
        return Resolve(ProviderCatalog.GenericOidc(key, settings.DisplayName), settings, document);
    }

    private static SocialProvider Resolve(ProviderDescription d, SocialProviderSettings s, DiscoveryDocument? doc)
    {
        var scopes = (s.Scopes ?? d.Scopes).Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return new SocialProvider(d, s,
            s.AuthorizationEndpoint ?? doc?.AuthorizationEndpoint ?? d.AuthorizationEndpoint!,
            s.TokenEndpoint ?? doc?.TokenEndpoint ?? d.TokenEndpoint!,
            s.UserInfoEndpoint ?? doc?.UserInfoEndpoint ?? d.UserInfoEndpoint,
            s.JwksUri ?? doc?.JwksUri ?? d.JwksUri,
            s.Issuer ?? doc?.Issuer ?? d.Issuer,
            scopes);
    }
}
