using Latchkey.Api.Authentication;
using Latchkey.Core.Authentication;
using Latchkey.Core.Common;
using Microsoft.AspNetCore.Http;

namespace Latchkey.Api.Common;

public static class HttpContextExtensions
{
    public static RequestContext RequestContext(this HttpContext context) =>
        new(context.Connection.RemoteIpAddress?.ToString(), context.Request.Headers.UserAgent.ToString() is { Length: > 0 } ua ? ua : null,
            PreferredLanguage(context.Request));

    /// <summary>The Accept-Language tag with the highest quality (the template loader accepts only well-formed tags).</summary>
    private static string? PreferredLanguage(HttpRequest request)
    {
        if (request.Headers.AcceptLanguage.Count == 0) return null;
        var languages = request.GetTypedHeaders().AcceptLanguage;
        return languages.OrderByDescending(l => l.Quality ?? 1).FirstOrDefault(l => l.Value != "*")?.Value.Value;
    }

    /// <summary>The authenticated caller; only call from endpoints that require authorization.</summary>
    public static Caller Caller(this HttpContext context) =>
        context.Features.Get<CallerFeature>()?.Caller ?? throw new InvalidOperationException("The endpoint does not require authentication.");
}
