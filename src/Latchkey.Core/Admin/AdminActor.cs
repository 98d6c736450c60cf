using Latchkey.Core.Common;

namespace Latchkey.Core.Admin;

/// <summary>
/// The administrator performing an operation: recorded on every admin activity row, and guarded against self-harm.
/// <see cref="GroupRoles"/>: the roles they hold through groups (space-separated), which count in their permissions.
/// </summary>
public sealed record AdminActor(Guid UserId, string Role, RequestContext Context, string? GroupRoles = null);
