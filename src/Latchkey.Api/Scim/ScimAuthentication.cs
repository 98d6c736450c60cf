using Latchkey.Api.Common;
using Latchkey.Core.Common;
using Latchkey.Core.Scim;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Latchkey.Api.Scim;

/// <summary>
/// SCIM endpoints take only a SCIM token (<c>Authorization: Bearer scim_…</c>), and a SCIM token opens nothing else:
/// the Latchkey scheme the other surfaces use does not know its form. 401 answers carry a Bearer challenge.
/// </summary>
internal static class ScimAuthentication
{
    public static TBuilder RequireScimToken<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var header = http.Request.Headers.Authorization.ToString();
            var token = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : null;
            var actor = await http.RequestServices.GetRequiredService<ScimTokenService>().AuthenticateAsync(token, http.RequestContext(), http.RequestAborted);
            if (actor is null)
            {
                http.Response.Headers.WWWAuthenticate = "Bearer realm=\"Latchkey SCIM\"";
                return ScimHttp.Error(new AuthError(AuthErrorCodes.Unauthenticated,
                    token is null ? "A SCIM bearer token is required" : "The SCIM token is invalid or revoked"));
            }
            http.SetActor(actor);
            return await next(context);
        });
}
