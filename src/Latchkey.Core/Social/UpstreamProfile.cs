namespace Latchkey.Core.Social;

/// <summary>Who the provider says the user is. <see cref="EmailVerified"/> is true only when the provider asserts it.</summary>
public sealed record UpstreamProfile(
    string Subject,
    string? Email,
    bool EmailVerified,
    string? FirstName = null,
    string? LastName = null,
    string? DisplayName = null,
    string? AvatarUrl = null)
{
    public UpstreamProfile WithEmail(string? email, bool verified) => this with { Email = email, EmailVerified = verified };
}

/// <summary>The provider's tokens from the code exchange, kept (encrypted) only when the admin asks for it.</summary>
public sealed record UpstreamTokens(string AccessToken, string? RefreshToken, string? IdToken, DateTime? ExpiresAt);
