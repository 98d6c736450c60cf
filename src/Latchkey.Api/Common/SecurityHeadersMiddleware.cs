using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;

namespace Latchkey.Api.Common;

/// <summary>
/// Headers every answer carries, error answers included: no MIME sniffing, no framing, no referrer leaks;
/// for every answer of an API surface (which may hold tokens or personal data) no caching (RFC 6749 §5.1,
/// RFC 9700 §4.3.3) unless the endpoint declared itself cacheable (discovery, JWKS); and in Production, over
/// HTTPS (directly, or behind a trusted proxy that says so), HSTS. They are applied as the answer starts, so
/// an error handler that clears the response cannot drop them.
/// </summary>
public sealed class SecurityHeadersMiddleware(RequestDelegate next, SurfaceRegistry surfaces, IHostEnvironment environment)
{
    /// <summary>One year, the value browsers' preload lists expect; sub-domains are the operator's to decide.</summary>
    public const string StrictTransportSecurity = "max-age=31536000";

    private readonly bool _production = environment.IsProduction();

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(static state =>
        {
            var (context, middleware) = ((HttpContext, SecurityHeadersMiddleware))state;
            middleware.Apply(context);
            return Task.CompletedTask;
        }, (context, this));
        return next(context);
    }

    private void Apply(HttpContext context)
    {
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        if (headers.CacheControl.Count == 0 && surfaces.IsNoStore(context.Request.Path))
        {
            headers.CacheControl = "no-store";
            headers.Pragma = "no-cache";
        }
        if (_production && context.Request.IsHttps) headers.StrictTransportSecurity = StrictTransportSecurity;
    }
}
