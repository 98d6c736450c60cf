namespace Latchkey.Core.OAuth;

/// <summary>The signed-in browser behind an authorization: user, cookie session and when they authenticated.</summary>
public sealed record BrowserSession(Guid UserId, Guid SessionId, DateTime AuthTime);
