namespace Latchkey.Core.OAuth;

/// <summary>
/// An authorization code (RFC 6749 §4.1.2), stored as the SHA-256 of its 256-bit value. Single use:
/// <see cref="ConsumedAt"/> is set atomically on redemption, and <see cref="GrantSessionId"/> names the
/// grant it produced, so a second redemption can revoke every token of that grant (§4.1.2, RFC 9700 §4.2.4).
/// </summary>
public sealed class AuthorizationCode
{
    public Guid Id { get; set; }
    public required byte[] CodeHash { get; set; }
    public Guid ClientRowId { get; set; }
    public Guid UserId { get; set; }
    /// <summary>The browser session that approved the request (the <c>sid</c> of the id token).</summary>
    public Guid BrowserSessionId { get; set; }
    public required string RedirectUri { get; set; }
    public required string Scope { get; set; }
    public string? Nonce { get; set; }
    /// <summary>The S256 PKCE challenge (RFC 7636); plain challenges are refused before a code exists.</summary>
    public required string CodeChallenge { get; set; }
    public DateTime AuthTime { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime ExpiresAt { get; set; }
    public DateTime? ConsumedAt { get; set; }
    public Guid? GrantSessionId { get; set; }
}
