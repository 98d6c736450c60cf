namespace Latchkey.Core.Tokens;

/// <summary>A signed access token and when it stops working.</summary>
public sealed record AccessToken(string Value, DateTime ExpiresAt, int ExpiresInSeconds);

/// <summary>What a verified access token says.</summary>
public sealed record AccessTokenClaims(Guid UserId, Guid SessionId, string? Email, string Role, DateTime ExpiresAt);
