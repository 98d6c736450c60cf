namespace Latchkey.Core.Challenges;

/// <summary>
/// A short-lived, single-use ticket between two steps of a ceremony (password → second factor,
/// passkey options → passkey verification). The client holds a 256-bit token; the row holds its
/// SHA-256, who it is for and what the second step needs (<see cref="State"/>).
/// </summary>
public sealed class AuthChallenge
{
    public Guid Id { get; set; }
    public required byte[] TokenHash { get; set; }
    public required string Kind { get; set; }
    public Guid? UserId { get; set; }
    public string? State { get; set; }
    public int Attempts { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime ExpiresAt { get; set; }
}

public static class ChallengeKinds
{
    public const string TwoFactorLogin = "2fa-login";
    public const string PasskeyRegistration = "passkey-register";
    public const string PasskeyAssertion = "passkey-assert";
    /// <summary>A passkey that will create its account when verified (the account does not exist yet).</summary>
    public const string PasskeySignUp = "passkey-signup";
}
