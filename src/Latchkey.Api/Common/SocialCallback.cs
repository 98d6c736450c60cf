using Latchkey.Core.Social;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace Latchkey.Api.Common;

/// <summary>What every surface's provider callback shares: reading the upstream's answer and redirecting the browser.</summary>
public static class SocialCallback
{
    /// <summary>The query of a GET callback, or the form of Apple's form_post, with the browser-binding cookie's secret.</summary>
    public static async Task<CallbackParameters> ReadAsync(HttpContext http, string? browserSecret, CancellationToken ct)
    {
        // Read by hand rather than bound: Apple's form post comes cross-site, with no antiforgery token to check
        // (the state and its browser binding are the CSRF defence here).
        var source = http.Request.HasFormContentType ? (IEnumerable<KeyValuePair<string, StringValues>>)await http.Request.ReadFormAsync(ct) : http.Request.Query;
        var values = source.ToDictionary(p => p.Key, p => p.Value.Count == 1 ? p.Value[0] : null, StringComparer.Ordinal);
        return new CallbackParameters(values.GetValueOrDefault("state"), values.GetValueOrDefault("code"), values.GetValueOrDefault("error"),
            values.GetValueOrDefault("error_description"), browserSecret, values.GetValueOrDefault("user"));
    }

    /// <summary>
    /// Sends the browser on, uncached (the target may carry a token): 302, or 303 after a form post when the
    /// surface's document allows it (so the browser surely follows with a GET).
    /// </summary>
    public static IResult Redirect(HttpContext http, string target, bool seeOtherAfterPost)
    {
        http.Response.Headers.CacheControl = "no-store";
        return seeOtherAfterPost && HttpMethods.IsPost(http.Request.Method) ? new SeeOtherResult(target) : Results.Redirect(target);
    }

    private sealed class SeeOtherResult(string location) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = StatusCodes.Status303SeeOther;
            httpContext.Response.Headers.Location = location;
            return Task.CompletedTask;
        }
    }
}
