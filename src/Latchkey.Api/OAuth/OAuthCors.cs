using Latchkey.Api.RateLimiting;
using Latchkey.Core.OAuth;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Latchkey.Api.OAuth;

/// <summary>
/// CORS for the endpoints a browser app calls cross-origin. Public documents (discovery, JWKS) are readable
/// from any origin. Token, userinfo and revocation answer only origins in <see cref="ClientOrigins"/> (active
/// clients' redirect-URI origins and configured ones), with <c>Vary: Origin</c>. Credentials (cookies) are
/// never allowed cross-origin: these endpoints authenticate the client or the bearer token, not the browser.
/// Introspection, device authorization and registration get no CORS: their callers are servers and devices.
/// </summary>
public static class OAuthCors
{
    private const string AllowedHeaders = "Authorization, Content-Type";
    private const string PreflightMaxAge = "600";

    /// <summary>Any origin may read the response (a public document).</summary>
    public static RouteHandlerBuilder WithPublicCors(this RouteHandlerBuilder endpoint) =>
        endpoint.AddEndpointFilter(async (context, next) =>
        {
            if (context.HttpContext.Request.Headers.Origin.Count > 0)
                context.HttpContext.Response.Headers.AccessControlAllowOrigin = "*";
            return await next(context);
        });

    /// <summary>Registered client origins may read the response; adds the preflight route for <paramref name="path"/>.</summary>
    public static RouteHandlerBuilder WithClientCors(this RouteHandlerBuilder endpoint, IEndpointRouteBuilder group, string path, string methods)
    {
        group.MapMethods(path, [HttpMethods.Options], (ClientOrigins origins, HttpContext http, CancellationToken ct) => PreflightAsync(origins, methods, http, ct))
            .RateLimited(RateLimitPolicies.OAuthToken)
            .ExcludeFromDescription();
        return endpoint.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            http.Response.Headers.Vary = "Origin";
            var origin = http.Request.Headers.Origin.ToString();
            if (origin.Length > 0 && await http.RequestServices.GetRequiredService<ClientOrigins>().IsAllowedAsync(origin, http.RequestAborted))
            {
                http.Response.Headers.AccessControlAllowOrigin = origin;
                http.Response.Headers.AccessControlExposeHeaders = "WWW-Authenticate";
            }
            return await next(context);
        });
    }

    private static async Task<IResult> PreflightAsync(ClientOrigins origins, string methods, HttpContext http, CancellationToken ct)
    {
        var headers = http.Response.Headers;
        headers.Vary = "Origin";
        var origin = http.Request.Headers.Origin.ToString();
        if (!await origins.IsAllowedAsync(origin, ct)) return Results.StatusCode(StatusCodes.Status403Forbidden);
        headers.AccessControlAllowOrigin = origin;
        headers.AccessControlAllowMethods = methods;
        headers.AccessControlAllowHeaders = AllowedHeaders;
        headers.AccessControlMaxAge = PreflightMaxAge;
        return Results.NoContent();
    }
}
