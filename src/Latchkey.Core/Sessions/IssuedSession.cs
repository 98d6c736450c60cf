using Latchkey.Core.Tokens;

namespace Latchkey.Core.Sessions;

/// <summary>
/// A session just started, with its secrets in clear. They exist only in this object and the response:
/// the database keeps their hashes.
/// </summary>
public sealed record IssuedSession(
    Guid SessionId,
    TokenSubject Subject,
    AccessToken? AccessToken,
    string? RefreshToken,
    string? CookieSecret,
    DateTime ExpiresAt);

/// <summary>The answer to a refresh: a new access token and the rotated refresh token.</summary>
/// <summary>A first-party refresh's tokens; <see cref="User"/> when asked for and read with the rotation (display only).</summary>
public sealed record RefreshedTokens(AccessToken AccessToken, string RefreshToken, TokenSubject Subject, Guid SessionId, Users.User? User = null);

/// <summary>A refresh token rotated by the shared mechanism: the family (session), its user, the successor.</summary>
public sealed record RotatedRefreshToken(Guid SessionId, TokenSubject Subject, string Successor, OAuthGrantInfo? Grant, Users.User? User = null);
