using Latchkey.Api.Authentication;
using Microsoft.AspNetCore.Builder;

namespace Latchkey.Api.Nube;

/// <summary>
/// The seed calls <c>/v1/admin/*</c> server-to-server with <c>X-API-Key</c>, so here (unlike the Admin API,
/// which wants a session) an API key may act, with its owner's role: the one named permission is checked
/// against that role, whichever credential came, and a refusal is in the Nube shape (the group's translator).
/// </summary>
internal static class NubePermissions
{
    public static TBuilder RequireNubePermission<TBuilder>(this TBuilder builder, string permission) where TBuilder : IEndpointConventionBuilder =>
        builder.RequirePermission(permission, LatchkeyAuthentication.AnyCredential);
}
