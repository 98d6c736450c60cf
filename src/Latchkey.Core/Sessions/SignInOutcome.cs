namespace Latchkey.Core.Sessions;

/// <summary>
/// A sign-in either starts a session or, for an account with a second factor, stops at a challenge
/// that the second-factor step must pass before any session exists.
/// </summary>
public sealed record SignInOutcome(IssuedSession? Session, TwoFactorChallenge? Challenge);

public sealed record TwoFactorChallenge(Guid UserId, IReadOnlyList<string> Methods, string? DefaultMethod);
