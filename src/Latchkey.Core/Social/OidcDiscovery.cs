using Microsoft.Extensions.Caching.Memory;

namespace Latchkey.Core.Social;

public sealed record DiscoveryDocument(string Issuer, string AuthorizationEndpoint, string TokenEndpoint, string? UserInfoEndpoint, string JwksUri);

/// <summary>
/// Reads <c>{issuer}/.well-known/openid-configuration</c> for generic OpenID Connect providers, checks
/// that the document names the same issuer (OIDC Discovery §4.3), and caches it for an hour.
/// </summary>
public sealed class OidcDiscovery(UpstreamHttp http, IMemoryCache cache)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    public async Task<DiscoveryDocument> GetAsync(string issuer, CancellationToken ct)
    {
        var key = "social-discovery:" + issuer;
        if (cache.TryGetValue(key, out DiscoveryDocument? cached)) return cached!;
        var json = await http.GetJsonAsync(issuer.TrimEnd('/') + "/.well-known/openid-configuration", ct);
        var named = json.Str("issuer");
        if (!string.Equals(named, issuer, StringComparison.Ordinal) && !string.Equals(named, issuer.TrimEnd('/'), StringComparison.Ordinal))
            throw new UpstreamUnavailableException($"The discovery document of {issuer} names another issuer ({named}).");
        var document = new DiscoveryDocument(named!,
            json.Str("authorization_endpoint") ?? throw new UpstreamUnavailableException("Discovery lacks authorization_endpoint."),
            json.Str("token_endpoint") ?? throw new UpstreamUnavailableException("Discovery lacks token_endpoint."),
            json.Str("userinfo_endpoint"),
            json.Str("jwks_uri") ?? throw new UpstreamUnavailableException("Discovery lacks jwks_uri."));
        return cache.Set(key, document, Lifetime);
    }
}
