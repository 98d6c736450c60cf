using System.Text.Json;

namespace Latchkey.Core.Social;

/// <summary>How the provider wants the client to authenticate at its token endpoint.</summary>
public enum TokenAuthStyle
{
    /// <summary><c>client_id</c> and <c>client_secret</c> in the form body.</summary>
    FormPost,
    /// <summary>HTTP Basic with the client id and secret.</summary>
    Basic,
    /// <summary>A JSON body carrying the client credentials (WorkOS).</summary>
    JsonBody,
}

/// <summary>
/// What Latchkey knows about one upstream provider: its endpoints, scopes and how its profile JSON maps
/// onto an <see cref="UpstreamProfile"/>. Built-in ones live in <see cref="ProviderCatalog"/>.
/// </summary>
public sealed record ProviderDescription
{
    public required string Name { get; init; }
    public required string DisplayName { get; init; }
    public string? AuthorizationEndpoint { get; init; }
    public string? TokenEndpoint { get; init; }
    public string? UserInfoEndpoint { get; init; }
    /// <summary>Set for OpenID Connect providers: the ID token is verified against these.</summary>
    public string? JwksUri { get; init; }
    public string? Issuer { get; init; }
    public string Scopes { get; init; } = "";
    /// <summary>Strava joins scopes with commas; everyone else with spaces.</summary>
    public char ScopeSeparator { get; init; } = ' ';
    public TokenAuthStyle TokenAuth { get; init; } = TokenAuthStyle.FormPost;
    /// <summary>Apple posts the callback (response_mode=form_post) rather than redirecting with a query.</summary>
    public bool FormPostCallback { get; init; }
    /// <summary>Extra authorization-request parameters (WorkOS' <c>provider=authkit</c>).</summary>
    public IReadOnlyDictionary<string, string> ExtraAuthorizeParameters { get; init; } = new Dictionary<string, string>();
    /// <summary>Twitch wants the client id as a header on its API calls.</summary>
    public bool ClientIdHeaderOnApiCalls { get; init; }
    /// <summary>Where the profile comes from when the provider has no user-info endpoint (WorkOS: the token response's <c>user</c>).</summary>
    public string? ProfileInTokenResponse { get; init; }
    /// <summary>GitHub and Bitbucket list addresses (with their verified flag) at <c>{user-info}/emails</c>.</summary>
    public bool EmailsBesideUserInfo { get; init; }
    public required Func<JsonElement, UpstreamProfile> MapProfile { get; init; }
    public Func<JsonElement, (string? Email, bool Verified)>? MapEmails { get; init; }
    /// <summary>ID-token nonce conventions: Apple and Google SDKs send SHA-256(nonce) upstream and the raw nonce to us.</summary>
    public bool IsOpenIdConnect => JwksUri is not null || Issuer is not null;
}
