namespace Latchkey.Core.OAuth;

public static class ClientAuthMethods
{
    public const string SecretBasic = "client_secret_basic";
    public const string SecretPost = "client_secret_post";
    public const string PrivateKeyJwt = "private_key_jwt";
    public const string None = "none";

    public static readonly IReadOnlyList<string> All = [SecretBasic, SecretPost, PrivateKeyJwt, None];
    /// <summary>The methods that authenticate the caller: introspection accepts only these (RFC 7662 §2.1).</summary>
    public static readonly IReadOnlyList<string> Authenticating = [SecretBasic, SecretPost, PrivateKeyJwt];
}

public static class GrantTypes
{
    public const string AuthorizationCode = "authorization_code";
    public const string RefreshToken = "refresh_token";
    public const string ClientCredentials = "client_credentials";
    public const string DeviceCode = "urn:ietf:params:oauth:grant-type:device_code";

    public static readonly IReadOnlyList<string> All = [AuthorizationCode, RefreshToken, ClientCredentials, DeviceCode];
}

/// <summary>
/// The id-token algorithms a client may register (<c>id_token_signed_response_alg</c>): RS256, the one every
/// relying party must support (OIDC Core §15.1) and the default, or ES256 on request.
/// </summary>
public static class IdTokenAlgorithms
{
    public const string RS256 = "RS256";
    public const string ES256 = "ES256";

    public static readonly IReadOnlyList<string> All = [RS256, ES256];
}

/// <summary>Where the hosted pages live; the authorize endpoint sends browsers there.</summary>
public static class HostedPages
{
    public const string Login = "/login";
    /// <summary>Where a social sign-in started on the sign-in page comes back (on the social redirect allow-list).</summary>
    public const string SocialReturn = "/login?social=1";
    /// <summary>Where linking a provider from the account console comes back (on the social redirect allow-list too).</summary>
    public const string AccountLinked = "/account/connections?done=linked";
    public const string Consent = "/consent";
    public const string Device = "/device";
    public const string Logout = "/logout";
    public const string Error = "/oauth/error";
}
