namespace Latchkey.Api.Common.Cors;

/// <summary>
/// Endpoint metadata: who may call the endpoint from another origin, with which request headers, and which
/// response headers the page may read. Credentials (cookies) are never allowed cross-origin: every endpoint
/// with a rule authenticates by bearer token, API key or client credentials, so no rule needs them, and
/// without them a configured origin can never ride on a user's cookie session (decisions #31).
/// </summary>
/// <param name="Origins">The origins allowed.</param>
/// <param name="AllowedHeaders">Request headers allowed; an entry ending in <c>*</c> allows every header with that prefix.</param>
/// <param name="ExposedHeaders">Response headers the page may read, as sent in <c>Access-Control-Expose-Headers</c>.</param>
/// <param name="Methods">The methods a preflight names; null for the matched endpoint's own methods.</param>
public sealed record CorsRule(ICorsOrigins Origins, string[] AllowedHeaders, string ExposedHeaders, string? Methods = null)
{
    /// <summary>Headers a rate-limited or refused answer carries, readable by the calling app.</summary>
    public const string CommonExposedHeaders = "WWW-Authenticate, Retry-After, X-RateLimit-Limit, X-RateLimit-Remaining, X-RateLimit-Reset";

    /// <summary>Public documents (discovery, JWKS): any origin, simple GETs only.</summary>
    public static readonly CorsRule Public = new(AnyOrigin.Instance, [], "");

    /// <summary>
    /// Browser apps on configured origins (Nhost, Simple, and later Nube). The headers are what the SDKs send:
    /// @nhost/nhost-js sends <c>Content-Type</c>, <c>Authorization</c> and, with an admin session,
    /// <c>x-hasura-admin-secret</c>, <c>x-hasura-role</c> and other <c>x-hasura-*</c> session variables; the
    /// Simple API's key flows send <c>X-API-Key</c>.
    /// </summary>
    public static readonly CorsRule BrowserApps = new(ConfiguredOrigins.Instance,
        ["authorization", "content-type", "x-api-key", "x-hasura-*"], CommonExposedHeaders);

    /// <summary>OAuth token, revocation and userinfo: registered clients' origins (<paramref name="methods"/> named in preflights).</summary>
    public static CorsRule OAuthClients(string methods) =>
        new(OAuthClientOrigins.Instance, ["authorization", "content-type"], "WWW-Authenticate", methods);

    public bool AllowsHeader(string header)
    {
        foreach (var allowed in AllowedHeaders)
        {
            if (allowed.EndsWith('*') ? header.StartsWith(allowed.AsSpan(0, allowed.Length - 1), StringComparison.OrdinalIgnoreCase)
                    : header.Equals(allowed, StringComparison.OrdinalIgnoreCase))
                return true;
        }
        return false;
    }
}
