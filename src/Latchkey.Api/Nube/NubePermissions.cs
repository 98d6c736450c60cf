using Latchkey.Api.Authentication;
using Latchkey.Api.Common;
using Latchkey.Core.Admin;
using Latchkey.Core.Common;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Latchkey.Api.Nube;

/// <summary>
/// The seed calls <c>/v1/admin/*</c> server-to-server with <c>X-API-Key</c>, so here (unlike the Admin API,
/// which wants a session) an API key may act, with its owner's role: the one named permission is checked
/// against that role, from memory, whichever credential came.
/// </summary>
internal static class NubePermissions
{
    public static TBuilder RequireNubePermission<TBuilder>(this TBuilder builder, string permission) where TBuilder : IEndpointConventionBuilder
    {
        builder.RequireAuthorization(LatchkeyAuthentication.AnyCredential);
        builder.WithMetadata(new RequiredPermission(permission));
        builder.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var roles = http.RequestServices.GetRequiredService<RolePermissions>();
            return await roles.HasAsync(http.Caller().Role, permission, http.RequestAborted)
                ? await next(context)
                : NubeResults.Error(http, new AuthError(AuthErrorCodes.Forbidden, $"This needs the {permission} permission"));
        });
        return builder;
    }
}
