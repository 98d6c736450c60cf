namespace Latchkey.Core.Tokens;

/// <summary>A signed access token and when it stops working.</summary>
public sealed record AccessToken(string Value, DateTime ExpiresAt, int ExpiresInSeconds);

/// <summary>What a verified access token says. <see cref="GroupRoles"/>: space-separated roles held through groups, or null.</summary>
public sealed record AccessTokenClaims(Guid UserId, Guid SessionId, string? Email, string Role, DateTime ExpiresAt, string? GroupRoles = null);

/// <summary>What a verified OAuth client access token says. <see cref="UserId"/> is null for client_credentials.</summary>
public sealed record ClientAccessTokenClaims(
    string Subject, Guid? UserId, Guid? SessionId, string ClientId, string Scope, DateTime IssuedAt, DateTime ExpiresAt, string? TokenId,
    string? Audience = null);
