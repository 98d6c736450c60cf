namespace Latchkey.Api.Authentication;

public static class LatchkeyAuthentication
{
    public const string Scheme = "Latchkey";

    /// <summary>Any credential: session cookie, access token or API key.</summary>
    public const string AnyCredential = "latchkey:any";

    /// <summary>A signed-in session (cookie or access token); API keys are refused.</summary>
    public const string SessionRequired = "latchkey:session";

    public const string ApiKeyHeader = "X-API-Key";

    internal const string SessionClaim = "sid";
}
