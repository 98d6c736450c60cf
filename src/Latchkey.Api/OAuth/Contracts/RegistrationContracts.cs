using System.Text.Json;
using System.Text.Json.Serialization;
using Latchkey.Core.OAuth;

namespace Latchkey.Api.OAuth.Contracts;

/// <summary>RFC 7591 §2 client metadata, as sent to <c>POST /api/oauth/register</c>.</summary>
public sealed record RegistrationRequest(
    [property: JsonPropertyName("client_name")] string? ClientName,
    [property: JsonPropertyName("redirect_uris")] List<string>? RedirectUris,
    [property: JsonPropertyName("post_logout_redirect_uris")] List<string>? PostLogoutRedirectUris,
    [property: JsonPropertyName("grant_types")] List<string>? GrantTypes,
    [property: JsonPropertyName("response_types")] List<string>? ResponseTypes,
    [property: JsonPropertyName("token_endpoint_auth_method")] string? TokenEndpointAuthMethod,
    [property: JsonPropertyName("scope")] string? Scope,
    [property: JsonPropertyName("jwks")] JsonElement? Jwks,
    [property: JsonPropertyName("jwks_uri")] string? JwksUri,
    [property: JsonPropertyName("backchannel_logout_uri")] string? BackchannelLogoutUri,
    [property: JsonPropertyName("client_uri")] string? ClientUri,
    [property: JsonPropertyName("logo_uri")] string? LogoUri,
    [property: JsonPropertyName("id_token_signed_response_alg")] string? IdTokenSignedResponseAlg = null)
{
    public ClientDraft ToDraft() => new(ClientName, RedirectUris, PostLogoutRedirectUris, GrantTypes, Scope, TokenEndpointAuthMethod,
        Jwks is { ValueKind: JsonValueKind.Object } j ? j.GetRawText() : null, BackchannelLogoutUri, ClientUri, LogoUri, IdTokenSignedResponseAlg);
}

/// <summary>RFC 7591 §3.2.1 client information response.</summary>
public sealed record RegistrationResponse(
    [property: JsonPropertyName("client_id")] string ClientId,
    [property: JsonPropertyName("client_secret"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? ClientSecret,
    [property: JsonPropertyName("client_id_issued_at")] long ClientIdIssuedAt,
    [property: JsonPropertyName("client_secret_expires_at"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] long? ClientSecretExpiresAt,
    [property: JsonPropertyName("client_name")] string ClientName,
    [property: JsonPropertyName("redirect_uris")] IReadOnlyList<string> RedirectUris,
    [property: JsonPropertyName("post_logout_redirect_uris")] IReadOnlyList<string> PostLogoutRedirectUris,
    [property: JsonPropertyName("grant_types")] IReadOnlyList<string> GrantTypes,
    [property: JsonPropertyName("response_types")] IReadOnlyList<string> ResponseTypes,
    [property: JsonPropertyName("token_endpoint_auth_method")] string TokenEndpointAuthMethod,
    [property: JsonPropertyName("scope")] string Scope,
    [property: JsonPropertyName("backchannel_logout_uri"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? BackchannelLogoutUri,
    [property: JsonPropertyName("client_uri"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? ClientUri,
    [property: JsonPropertyName("logo_uri"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? LogoUri,
    [property: JsonPropertyName("id_token_signed_response_alg")] string IdTokenSignedResponseAlg)
{
    public static RegistrationResponse From(OAuthClient c, string? secret) => new(
        c.ClientId, secret, new DateTimeOffset(c.CreatedAt, TimeSpan.Zero).ToUnixTimeSeconds(), secret is null ? null : 0,
        c.Name, c.RedirectUris, c.PostLogoutRedirectUris, c.GrantTypes,
        c.GrantTypes.Contains(Core.OAuth.GrantTypes.AuthorizationCode) ? ["code"] : [],
        c.TokenEndpointAuthMethod, Scopes.Join(c.Scopes), c.BackchannelLogoutUri, c.ClientUri, c.LogoUri, c.IdTokenSignedResponseAlg);
}
