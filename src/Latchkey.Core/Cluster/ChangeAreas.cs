namespace Latchkey.Core.Cluster;

/// <summary>
/// The cache areas that every node keeps and the database tells apart: one <c>change_versions</c> row
/// each, bumped by triggers in the same transaction as the change itself (migration ChangeVersions), so
/// no code path can change a table and forget to tell the other nodes.
/// </summary>
public static class ChangeAreas
{
    /// <summary>oauth_clients and oauth_api_resources: inserted, edited or deleted clients and API resources.</summary>
    public const string OAuthClients = "oauth_clients";
    /// <summary>runtime_settings: the administrators' overrides.</summary>
    public const string Settings = "settings";
    /// <summary>revoked_access_tokens: a jti added to the revocation list.</summary>
    public const string RevokedTokens = "revoked_tokens";
    /// <summary>signing_keys: a key created, retired or removed.</summary>
    public const string SigningKeys = "signing_keys";
    /// <summary>sessions revoked, users disabled or deleted: whatever ends an access token's session.</summary>
    public const string Sessions = "sessions";
    /// <summary>license_plans and licenses (not their seat counts): what a user is entitled to.</summary>
    public const string Licenses = "licenses";
}
