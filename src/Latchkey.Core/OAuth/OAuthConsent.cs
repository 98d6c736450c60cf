namespace Latchkey.Core.OAuth;

/// <summary>What a user allowed a client: one row per user and client, the union of granted scopes.</summary>
public sealed class OAuthConsent
{
    public Guid Id { get; set; }
    public Guid UserId { get; set; }
    public Guid ClientRowId { get; set; }
    /// <summary>Space-separated scopes, as OAuth writes them.</summary>
    public required string Scope { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}
