namespace Latchkey.Core.Social;

/// <summary>A configured provider: the catalog's description with the admin's client and endpoint overrides applied.</summary>
public sealed record SocialProvider(
    ProviderDescription Description,
    SocialProviderSettings Settings,
    string AuthorizationEndpoint,
    string TokenEndpoint,
    string? UserInfoEndpoint,
    string? JwksUri,
    string? Issuer,
    IReadOnlyList<string> Scopes)
{
    public string Name => Description.Name;
    public string DisplayName => Settings.DisplayName ?? Description.DisplayName;
    public string ClientId => Settings.ClientId!;
    public bool VerifiesIdTokens => JwksUri is not null && Issuer is not null;
    public string? EmailsEndpoint => Description.EmailsBesideUserInfo && UserInfoEndpoint is not null ? UserInfoEndpoint.TrimEnd('/') + "/emails" : null;

    /// <summary>The audiences an ID token for this provider may carry: the client id and any extra app ids.</summary>
    public IEnumerable<string> Audiences => Settings.AdditionalAudiences.Prepend(ClientId);
}
