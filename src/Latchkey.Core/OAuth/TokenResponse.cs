namespace Latchkey.Core.OAuth;

/// <summary>A successful token response (RFC 6749 §5.1, OIDC Core §3.1.3.3).</summary>
public sealed record TokenResponse(string AccessToken, int ExpiresIn, string Scope, string? RefreshToken, string? IdToken);
