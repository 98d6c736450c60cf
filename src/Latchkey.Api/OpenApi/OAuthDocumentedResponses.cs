using System.Text.Json.Serialization;

namespace Latchkey.Api.OpenApi;

// The OAuth handlers answer these RFC bodies as claim dictionaries (their members depend on the token and the
// scopes), so they have no contract type of their own; these records give the reference their documented
// shape. Members absent from an answer are simply omitted.

/// <summary>RFC 7662 §2.2 introspection answer; an inactive or unknown token answers only <c>{"active": false}</c>.</summary>
public sealed record IntrospectionResponse(
    [property: JsonPropertyName("active")] bool Active,
    [property: JsonPropertyName("scope")] string? Scope,
    [property: JsonPropertyName("client_id")] string? ClientId,
    [property: JsonPropertyName("username")] string? Username,
    [property: JsonPropertyName("token_type")] string? TokenType,
    [property: JsonPropertyName("exp")] long? Exp,
    [property: JsonPropertyName("iat")] long? Iat,
    [property: JsonPropertyName("sub")] string? Sub,
    [property: JsonPropertyName("aud")] string? Aud,
    [property: JsonPropertyName("iss")] string? Iss);

/// <summary>OIDC Core §5.3.2 UserInfo answer: <c>sub</c> always, the rest by granted scope (profile, email, phone).</summary>
public sealed record UserInfoResponse(
    [property: JsonPropertyName("sub")] string Sub,
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("given_name")] string? GivenName,
    [property: JsonPropertyName("family_name")] string? FamilyName,
    [property: JsonPropertyName("email")] string? Email,
    [property: JsonPropertyName("email_verified")] bool? EmailVerified,
    [property: JsonPropertyName("phone_number")] string? PhoneNumber,
    [property: JsonPropertyName("phone_number_verified")] bool? PhoneNumberVerified);

/// <summary>OIDC Discovery §3 provider metadata (the main members; the live document lists every one).</summary>
public sealed record DiscoveryDocument(
    [property: JsonPropertyName("issuer")] string Issuer,
    [property: JsonPropertyName("authorization_endpoint")] string AuthorizationEndpoint,
    [property: JsonPropertyName("token_endpoint")] string TokenEndpoint,
    [property: JsonPropertyName("userinfo_endpoint")] string UserinfoEndpoint,
    [property: JsonPropertyName("jwks_uri")] string JwksUri,
    [property: JsonPropertyName("introspection_endpoint")] string IntrospectionEndpoint,
    [property: JsonPropertyName("revocation_endpoint")] string RevocationEndpoint,
    [property: JsonPropertyName("device_authorization_endpoint")] string DeviceAuthorizationEndpoint,
    [property: JsonPropertyName("end_session_endpoint")] string EndSessionEndpoint,
    [property: JsonPropertyName("registration_endpoint")] string? RegistrationEndpoint,
    [property: JsonPropertyName("scopes_supported")] IReadOnlyList<string> ScopesSupported,
    [property: JsonPropertyName("response_types_supported")] IReadOnlyList<string> ResponseTypesSupported,
    [property: JsonPropertyName("grant_types_supported")] IReadOnlyList<string> GrantTypesSupported,
    [property: JsonPropertyName("id_token_signing_alg_values_supported")] IReadOnlyList<string> IdTokenSigningAlgValuesSupported,
    [property: JsonPropertyName("token_endpoint_auth_methods_supported")] IReadOnlyList<string> TokenEndpointAuthMethodsSupported,
    [property: JsonPropertyName("code_challenge_methods_supported")] IReadOnlyList<string> CodeChallengeMethodsSupported);

/// <summary>RFC 7517 §5 JWK Set of the public signing keys.</summary>
public sealed record JsonWebKeySet([property: JsonPropertyName("keys")] IReadOnlyList<JsonWebKey> Keys);

/// <summary>One public key (RSA members <c>n</c>/<c>e</c> or EC members <c>crv</c>/<c>x</c>/<c>y</c>).</summary>
public sealed record JsonWebKey(
    [property: JsonPropertyName("kty")] string Kty,
    [property: JsonPropertyName("kid")] string Kid,
    [property: JsonPropertyName("use")] string Use,
    [property: JsonPropertyName("alg")] string Alg,
    [property: JsonPropertyName("n")] string? N,
    [property: JsonPropertyName("e")] string? E,
    [property: JsonPropertyName("crv")] string? Crv,
    [property: JsonPropertyName("x")] string? X,
    [property: JsonPropertyName("y")] string? Y);
