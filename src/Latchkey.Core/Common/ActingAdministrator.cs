namespace Latchkey.Core.Common;

/// <summary>
/// Request feature set by the authentication when an administrator is impersonating the caller, so every
/// activity row the request writes names the administrator too (<see cref="RequestContext.ActorId"/>).
/// </summary>
public sealed record ActingAdministrator(Guid UserId);
