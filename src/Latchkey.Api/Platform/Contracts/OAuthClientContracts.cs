using System.Text.Json;
using Latchkey.Core.OAuth;

namespace Latchkey.Api.Platform.Contracts;

/// <summary>Body of create/update in the developer and admin consoles (camelCase, like the rest of the Platform API).</summary>
public sealed record OAuthClientRequest(
    string? Name,
    List<string>? RedirectUris,
    List<string>? PostLogoutRedirectUris,
    List<string>? GrantTypes,
    List<string>? Scopes,
    string? TokenEndpointAuthMethod,
    JsonElement? Jwks,
    string? BackchannelLogoutUri,
    string? ClientUri,
    string? LogoUri,
    bool? FirstParty,
    bool? Active,
    string? IdTokenSignedResponseAlg = null)
{
    public ClientDraft ToDraft() => new(Name, RedirectUris, PostLogoutRedirectUris, GrantTypes,
        Scopes is null ? null : string.Join(' ', Scopes), TokenEndpointAuthMethod,
        Jwks is { ValueKind: JsonValueKind.Object } j ? j.GetRawText() : null, BackchannelLogoutUri, ClientUri, LogoUri, IdTokenSignedResponseAlg);
}

public sealed record OAuthClientView(
    Guid Id, string ClientId, string Name, IReadOnlyList<string> RedirectUris, IReadOnlyList<string> PostLogoutRedirectUris,
    IReadOnlyList<string> GrantTypes, IReadOnlyList<string> Scopes, string TokenEndpointAuthMethod, bool HasSecret,
    string? BackchannelLogoutUri, string? ClientUri, string? LogoUri, bool FirstParty, bool Active, Guid? OwnerUserId,
    DateTime CreatedAt, DateTime UpdatedAt, string IdTokenSignedResponseAlg)
{
    public static OAuthClientView From(OAuthClient c) => new(
        c.Id, c.ClientId, c.Name, c.RedirectUris, c.PostLogoutRedirectUris, c.GrantTypes, c.Scopes, c.TokenEndpointAuthMethod,
        c.SecretHash is not null, c.BackchannelLogoutUri, c.ClientUri, c.LogoUri, c.FirstParty, c.Active, c.OwnerUserId, c.CreatedAt, c.UpdatedAt, c.IdTokenSignedResponseAlg);
}

public sealed record OAuthClientResponse(bool Success, OAuthClientView Client);

/// <summary>The secret appears here once; only its hash is stored.</summary>
public sealed record OAuthClientCreatedResponse(bool Success, OAuthClientView Client, string? ClientSecret, string Message);

public sealed record OAuthClientsResponse(bool Success, IReadOnlyList<OAuthClientView> Clients);

public sealed record AuthorizedAppView(string ClientId, string Name, string? ClientUri, string? LogoUri, IReadOnlyList<string> Scopes, DateTime GrantedAt, DateTime UpdatedAt);

public sealed record AuthorizedAppsResponse(bool Success, IReadOnlyList<AuthorizedAppView> Apps);

public sealed record OidcKeyRotatedResponse(bool Success, string KeyId, string Algorithm, string Message, string Es256KeyId, string AccessKeyId);

/// <summary>The new secret appears here once; <c>previousSecretExpiresAt</c> is null when the old one stopped at once.</summary>
public sealed record OAuthClientSecretRotatedResponse(bool Success, OAuthClientView Client, string ClientSecret, DateTime? PreviousSecretExpiresAt, string Message);
