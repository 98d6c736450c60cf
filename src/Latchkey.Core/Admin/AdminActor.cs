using Latchkey.Core.Common;

namespace Latchkey.Core.Admin;

/// <summary>The administrator performing an operation: recorded on every admin activity row, and guarded against self-harm.</summary>
public sealed record AdminActor(Guid UserId, string Role, RequestContext Context);
