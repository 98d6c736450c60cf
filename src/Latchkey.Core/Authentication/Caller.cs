namespace Latchkey.Core.Authentication;

/// <summary>How a request proved who it is.</summary>
public enum CredentialKind
{
    Cookie,
    AccessToken,
    ApiKey,
}

/// <summary>
/// The authenticated user of a request, whichever credential it used. <see cref="AuthTime"/> (cookie
/// sessions) is when the user last proved their credentials: OIDC's auth_time. <see cref="GroupRoles"/>: the
/// space-separated roles held through groups (read with <see cref="Role"/>, from the account row or the token).
/// </summary>
public sealed record Caller(
    Guid UserId,
    string Email,
    string? Username,
    string Role,
    CredentialKind Credential,
    Guid? SessionId,
    Guid? ApiKeyId,
    DateTime? AuthTime = null,
    Guid? ActorId = null,
    string? GroupRoles = null)
{
    /// <summary>An administrator is acting as this user (impersonation): sensitive account changes are refused.</summary>
    public bool IsImpersonated => ActorId is not null;

    /// <summary>Account-changing operations need a signed-in session, not a long-lived API key.</summary>
    public bool HasSession => SessionId is not null;

    /// <summary>
    /// An API key's scopes: the permissions it may use of those its owner's role grants. Null: no narrowing
    /// (sessions, and keys created without scopes).
    /// </summary>
    public IReadOnlySet<string>? Scopes { get; init; }

    /// <summary>Whether the credential lets the role's <paramref name="permission"/> be used (the role is checked apart).</summary>
    public bool ScopeAllows(string permission) => Scopes is null || Scopes.Contains(permission);
}
