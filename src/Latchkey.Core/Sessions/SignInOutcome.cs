namespace Latchkey.Core.Sessions;

/// <summary>
/// A sign-in either starts a session or, for an account with a second factor, stops at a challenge
/// that the second-factor step must pass before any session exists.
/// </summary>
public sealed record SignInOutcome(IssuedSession? Session, TwoFactorChallenge? Challenge);

/// <summary>
/// The password passed and a second factor is due. <see cref="Token"/> is the short-lived, single-use
/// ticket the second-factor step must present; it is the only thing that links the two steps.
/// </summary>
public sealed record TwoFactorChallenge(Guid UserId, IReadOnlyList<string> Methods, string? DefaultMethod, string Token, DateTime ExpiresAt);
