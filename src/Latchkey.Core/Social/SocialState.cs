namespace Latchkey.Core.Social;

/// <summary>
/// A started upstream sign-in, waiting for its callback. Found by SHA-256 of the <c>state</c>
/// parameter, bound to the browser by SHA-256 of a secret in an HttpOnly cookie, deleted on first use.
/// </summary>
public sealed class SocialState
{
    public Guid Id { get; set; }
    public required byte[] StateHash { get; set; }
    public required byte[] BrowserBindingHash { get; set; }
    public required string Provider { get; set; }
    /// <summary><see cref="SocialPurposes"/>: sign in, or connect to <see cref="UserId"/>.</summary>
    public required string Purpose { get; set; }
    public Guid? UserId { get; set; }
    public required string RedirectUrl { get; set; }
    public required string CallbackUrl { get; set; }
    /// <summary>The PKCE verifier, encrypted: it and a stolen code would be enough to finish the exchange.</summary>
    public required string ProtectedCodeVerifier { get; set; }
    public string? Nonce { get; set; }
    /// <summary>
    /// The sign-up options (roles, locale, display name, metadata) as JSON, applied if the callback creates
    /// an account: the Nhost surface takes them on the redirect that starts the flow, not on the callback.
    /// </summary>
    public string? SignUpProfile { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime ExpiresAt { get; set; }
}

public static class SocialPurposes
{
    public const string SignIn = "signin";
    public const string Connect = "connect";
}
