using Latchkey.Core.Admin;
using Latchkey.Core.Authentication;
using Latchkey.Core.Common;
using Microsoft.AspNetCore.Http;

namespace Latchkey.Pages.Admin;

/// <summary>
/// The signed-in person using the console and what their role grants (read once per request from memory by
/// <see cref="RolePermissions"/>, the same check the admin API's endpoints make).
/// </summary>
public sealed record AdminCaller(Caller Caller, IReadOnlySet<string> Granted)
{
    public bool Can(string permission) => Granted.Contains(permission);

    /// <summary>The administrator as the core services record and guard them (activity rows carry this id).</summary>
    public AdminActor Actor(HttpContext http) => new(Caller.UserId, Caller.Role, RequestContext.From(http), Caller.GroupRoles);

    /// <summary>The request's context with the administrator as the actor, for core services that take a context (their activity rows name them).</summary>
    public RequestContext ActingContext(HttpContext http) => RequestContext.From(http) with { ActorId = Caller.UserId };
}
