using Latchkey.Api.Common;
using Latchkey.Core.Admin;
using Latchkey.Core.Common;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Latchkey.Api.Authentication;

/// <summary>The one named permission an administrative endpoint needs (visible to OpenAPI and the console as metadata).</summary>
public sealed record RequiredPermission(string Permission);

public static class PermissionRequirement
{
    /// <summary>
    /// Requires a signed-in session (401 without one, in the surface's shape) whose role, or a role held through a
    /// group, grants <paramref name="permission"/> (403 otherwise). The roles come from the credential the
    /// authentication already read, and their permissions from memory: no extra database read.
    /// <paramref name="policy"/> widens who may try: <see cref="LatchkeyAuthentication.AnyCredential"/> lets an
    /// API key act with its owner's role (the Nube admin endpoints, called server-to-server), narrowed by the key's scopes.
    /// </summary>
    public static TBuilder RequirePermission<TBuilder>(this TBuilder builder, string permission, string policy = LatchkeyAuthentication.SessionRequired)
        where TBuilder : IEndpointConventionBuilder
    {
        builder.RequireAuthorization(policy);
        builder.WithMetadata(new RequiredPermission(permission));
        builder.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var caller = http.Caller();
            var roles = http.RequestServices.GetRequiredService<RolePermissions>();
            if (!await roles.HasAsync(caller.Role, caller.GroupRoles, permission, http.RequestAborted))
                return new AuthError(AuthErrorCodes.Forbidden, $"This needs the {permission} permission").ToResult(http, PlainErrors.Instance);
            // An API key narrows its owner's roles to its scopes: both must grant the permission.
            if (!caller.ScopeAllows(permission))
                return new AuthError(AuthErrorCodes.Forbidden, $"This API key's scopes do not include {permission}").ToResult(http, PlainErrors.Instance);
            return await next(context);
        });
        return builder;
    }
}
