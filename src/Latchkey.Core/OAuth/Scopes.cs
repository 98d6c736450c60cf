namespace Latchkey.Core.OAuth;

/// <summary>The scopes this server knows, and the one way scope strings are parsed and written.</summary>
public static class Scopes
{
    public const string OpenId = "openid";
    public const string Profile = "profile";
    public const string Email = "email";
    public const string Phone = "phone";
    public const string Address = "address";
    public const string OfflineAccess = "offline_access";
    /// <summary>The <c>groups</c> claim: the names of the user's groups (SCIM-provisioned), in the id token and userinfo.</summary>
    public const string Groups = "groups";
    /// <summary>The <c>entitlements</c> claim in the access token: the user's license, features and limits (<see cref="Licensing.EntitlementClaim"/>).</summary>
    public const string Entitlements = "entitlements";

    public static readonly IReadOnlyList<string> Supported = [OpenId, Profile, Email, Phone, Address, Groups, Entitlements, OfflineAccess];

    public static readonly IReadOnlyDictionary<string, string> Descriptions = new Dictionary<string, string>
    {
        [OpenId] = "Sign you in and know your account identifier",
        [Profile] = "Your name, username and picture",
        [Email] = "Your email address and whether it is verified",
        [Phone] = "Your phone number",
        [Address] = "Your postal address",
        [Groups] = "The groups you belong to",
        [Entitlements] = "Your plan: its features and limits",
        [OfflineAccess] = "Stay connected when you are not using it (refresh tokens)",
    };

    /// <summary>The scopes of this server itself (OpenID Connect); every other scope belongs to an API resource.</summary>
    public static bool IsStandard(string scope) => scope is OpenId or Profile or Email or Phone or Address or Groups or Entitlements or OfflineAccess;

    /// <summary>
    /// What a client may ask for when it registers none: the claims the server can fill in for any account,
    /// and offline_access (OpenID clients need it for refresh tokens). Phone and address are left out: most
    /// accounts have neither, and a consent screen should not promise them.
    /// </summary>
    public static readonly IReadOnlyList<string> Default = [OpenId, Profile, Email, OfflineAccess];

    /// <summary>Distinct scopes in request order; null when a token is not valid scope syntax (RFC 6749 §3.3).</summary>
    public static List<string>? Parse(string? scope)
    {
        if (string.IsNullOrWhiteSpace(scope)) return [];
        var result = new List<string>();
        foreach (var token in scope.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (token.Length > 64 || token.Any(c => c < 0x21 || c == '"' || c == '\\' || c > 0x7e)) return null;
            if (!result.Contains(token)) result.Add(token);
        }
        return result;
    }

    public static string Join(IEnumerable<string> scopes) => string.Join(' ', scopes);

    public static bool Has(string? scope, string wanted) =>
        scope is not null && scope.Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains(wanted);

    public static bool IsSubset(IEnumerable<string> requested, string? granted)
    {
        var have = (granted ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return requested.All(have.Contains);
    }
}
