namespace Latchkey.Core.Sessions;

/// <summary>
/// A refresh token, stored only as the SHA-256 of its 256-bit secret. Each use rotates it: the row
/// gets <see cref="RotatedAt"/> and a successor row is written in the same family (session).
/// </summary>
public sealed class RefreshToken
{
    public Guid Id { get; set; }
    public Guid SessionId { get; set; }
    public Guid UserId { get; set; }
    public required byte[] TokenHash { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime ExpiresAt { get; set; }
    public DateTime? RotatedAt { get; set; }
}
