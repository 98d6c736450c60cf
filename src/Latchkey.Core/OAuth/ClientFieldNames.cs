namespace Latchkey.Core.OAuth;

/// <summary>
/// The names of client metadata fields as the calling surface spells them, so a validation message names
/// the field the caller actually sent: RFC 7591 snake_case for dynamic registration, the Platform API's
/// camelCase for the developer and admin consoles.
/// </summary>
public sealed record ClientFieldNames(
    string Name, string RedirectUris, string PostLogoutRedirectUris, string GrantTypes, string Scope,
    string TokenEndpointAuthMethod, string Jwks, string BackchannelLogoutUri, string ClientUri, string LogoUri,
    string IdTokenSignedResponseAlg)
{
    public static readonly ClientFieldNames Rfc7591 = new("client_name", "redirect_uris", "post_logout_redirect_uris", "grant_types",
        "scope", "token_endpoint_auth_method", "jwks", "backchannel_logout_uri", "client_uri", "logo_uri", "id_token_signed_response_alg");

    public static readonly ClientFieldNames Platform = new("name", "redirectUris", "postLogoutRedirectUris", "grantTypes",
        "scopes", "tokenEndpointAuthMethod", "jwks", "backchannelLogoutUri", "clientUri", "logoUri", "idTokenSignedResponseAlg");
}
