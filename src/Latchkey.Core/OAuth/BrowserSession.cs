namespace Latchkey.Core.OAuth;

/// <summary>
/// The signed-in browser behind an authorization: user, cookie session and when they authenticated, and the
/// administrator acting as the user when the browser is an impersonation.
/// </summary>
public sealed record BrowserSession(Guid UserId, Guid SessionId, DateTime AuthTime, Guid? ActorId = null);
