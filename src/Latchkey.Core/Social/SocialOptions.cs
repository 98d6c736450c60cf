using System.ComponentModel.DataAnnotations;

namespace Latchkey.Core.Social;

/// <summary>Bound from <c>Latchkey:Social</c>: upstream sign-in providers and where the flow may send the browser.</summary>
public sealed class SocialOptions
{
    /// <summary>Provider name (lower case in URLs) → its settings. A name outside the catalog is a generic OpenID Connect provider.</summary>
    public Dictionary<string, SocialProviderSettings> Providers { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Exact URLs the callback may send the browser to (compared whole, no prefixes or wildcards).</summary>
    public List<string> AllowedRedirectUrls { get; set; } = [];

    /// <summary>Where the callback sends the browser when the sign-in named none. Empty means the server's public URL.</summary>
    [Url]
    public string? DefaultRedirectUrl { get; set; }

    /// <summary>How long a started sign-in may take before its state expires.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "01:00:00")]
    public TimeSpan StateLifetime { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Keep the provider's access and refresh tokens (encrypted) for apps that call the provider's API.</summary>
    public bool StoreUpstreamTokens { get; set; }

    /// <summary>Upper bound of each call to a provider; a provider slower than this counts as down.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:01:00")]
    public TimeSpan HttpTimeout { get; set; } = TimeSpan.FromSeconds(10);
}

/// <summary>One provider's settings. Endpoints left empty take the catalog's (or the discovery document's) values.</summary>
public sealed class SocialProviderSettings
{
    public bool Enabled { get; set; } = true;
    public string? ClientId { get; set; }
    public string? ClientSecret { get; set; }
    public string? DisplayName { get; set; }
    public string? AuthorizationEndpoint { get; set; }
    public string? TokenEndpoint { get; set; }
    public string? UserInfoEndpoint { get; set; }
    public string? JwksUri { get; set; }
    public string? Issuer { get; set; }
    /// <summary>Space-separated scopes; replaces the catalog's defaults.</summary>
    public string? Scopes { get; set; }
    /// <summary>Extra audiences accepted for ID-token sign-in (e.g. an iOS bundle id beside the web client id).</summary>
    public List<string> AdditionalAudiences { get; set; } = [];
    /// <summary>Apple: the team id, the key id and the PKCS#8 (.p8) private key, inline PEM or a file path.</summary>
    public string? TeamId { get; set; }
    public string? KeyId { get; set; }
    public string? PrivateKey { get; set; }
    public string? PrivateKeyFile { get; set; }
}
