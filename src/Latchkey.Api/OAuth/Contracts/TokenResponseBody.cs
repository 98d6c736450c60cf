using System.Text.Json.Serialization;
using Latchkey.Core.OAuth;

namespace Latchkey.Api.OAuth.Contracts;

/// <summary>RFC 6749 §5.1 / OIDC Core §3.1.3.3 token response.</summary>
public sealed record TokenResponseBody(
    [property: JsonPropertyName("access_token")] string AccessToken,
    [property: JsonPropertyName("token_type")] string TokenType,
    [property: JsonPropertyName("expires_in")] int ExpiresIn,
    [property: JsonPropertyName("scope")] string Scope,
    [property: JsonPropertyName("refresh_token"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? RefreshToken,
    [property: JsonPropertyName("id_token"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? IdToken)
{
    public static TokenResponseBody From(TokenResponse r) => new(r.AccessToken, "Bearer", r.ExpiresIn, r.Scope, r.RefreshToken, r.IdToken);
}

/// <summary>RFC 8628 §3.2 device authorization response.</summary>
public sealed record DeviceAuthorizationBody(
    [property: JsonPropertyName("device_code")] string DeviceCode,
    [property: JsonPropertyName("user_code")] string UserCode,
    [property: JsonPropertyName("verification_uri")] string VerificationUri,
    [property: JsonPropertyName("verification_uri_complete")] string VerificationUriComplete,
    [property: JsonPropertyName("expires_in")] int ExpiresIn,
    [property: JsonPropertyName("interval")] int Interval);
