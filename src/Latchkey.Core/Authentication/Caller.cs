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
}
