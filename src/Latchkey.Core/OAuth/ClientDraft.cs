namespace Latchkey.Core.OAuth;

/// <summary>Client metadata as a developer, an admin or RFC 7591 registration supplies it.</summary>
public sealed record ClientDraft(
    string? Name,
    IReadOnlyList<string>? RedirectUris,
    IReadOnlyList<string>? PostLogoutRedirectUris = null,
    IReadOnlyList<string>? GrantTypes = null,
    string? Scope = null,
    string? TokenEndpointAuthMethod = null,
    string? Jwks = null,
    string? BackchannelLogoutUri = null,
    string? ClientUri = null,
    string? LogoUri = null,
    string? IdTokenSignedResponseAlg = null);

/// <summary>A client just created, with its secret in clear: shown once, then only its hash exists.</summary>
public sealed record CreatedClient(OAuthClient Client, string? ClientSecret);
