using Microsoft.AspNetCore.Http;

namespace Latchkey.Api.Common;

/// <summary>
/// Headers every answer carries: no MIME sniffing, no framing, no referrer leaks, and — for API
/// answers, which may hold tokens or personal data — no caching (RFC 6749 §5.1).
/// </summary>
public sealed class SecurityHeadersMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            headers.CacheControl = "no-store";
            headers.Pragma = "no-cache";
        }
        return next(context);
    }
}
