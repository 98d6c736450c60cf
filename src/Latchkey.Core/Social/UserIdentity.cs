namespace Latchkey.Core.Social;

/// <summary>An upstream account linked to a user: one row per (provider, provider's user id).</summary>
public sealed class UserIdentity
{
    public Guid Id { get; set; }
    public Guid UserId { get; set; }
    public required string Provider { get; set; }
    public required string ProviderUserId { get; set; }
    /// <summary>The address the provider reported at the last sign-in (for display; lookups use the user's own email).</summary>
    public string? Email { get; set; }
    /// <summary>Data-Protection-encrypted provider tokens, present only with <c>Latchkey:Social:StoreUpstreamTokens</c>.</summary>
    public string? ProtectedAccessToken { get; set; }
    public string? ProtectedRefreshToken { get; set; }
    public DateTime? AccessTokenExpiresAt { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? LastSignInAt { get; set; }
}
