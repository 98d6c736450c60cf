using System.Globalization;
using Latchkey.Core.Common;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Latchkey.Api.Common.Cors;

/// <summary>
/// The one CORS mechanism of every surface, after routing (the matched endpoint's <see cref="CorsRule"/> says
/// who may call) and before rate limiting (so a 429 is readable by the app, and preflights spend no sign-in
/// budget). A preflight is answered here: 204 with the allowed method and headers, or 403 without CORS
/// headers for an origin that is not allowed. An actual request from an allowed origin gets its origin echoed
/// (<c>*</c> for public documents) with <c>Vary: Origin</c>, added when the response starts so error answers
/// written after a reset keep them.
/// </summary>
public sealed class CorsMiddleware(RequestDelegate next, IOptions<CorsOptions> options)
{
    private readonly string _maxAge = options.Value.PreflightMaxAgeSeconds.ToString(CultureInfo.InvariantCulture);

    public async Task InvokeAsync(HttpContext context)
    {
        var rule = context.GetEndpoint()?.Metadata.GetMetadata<CorsRule>();
        if (rule is null)
        {
            await next(context);
            return;
        }
        // The answer depends on Origin whether or not this request sent one: a shared cache must not hand a
        // response made for no origin (or another) to an allowed one.
        if (!rule.Origins.IsAny) context.Response.Headers.Append(HeaderNames.Vary, "Origin");
        var origin = context.Request.Headers.Origin.ToString();
        if (origin.Length == 0)
        {
            await next(context);
            return;
        }

        var allowed = origin.Length <= 300 && await rule.Origins.IsAllowedAsync(context, origin);
        if (IsPreflight(context.Request))
        {
            AnswerPreflight(context, rule, origin, allowed);
            return;
        }
        if (allowed)
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.AccessControlAllowOrigin = rule.Origins.IsAny ? "*" : origin;
                if (!rule.Origins.IsAny && !headers.Vary.ToString().Contains("Origin", StringComparison.OrdinalIgnoreCase))
                    headers.Append(HeaderNames.Vary, "Origin"); // an error answer may have cleared the headers
                if (rule.ExposedHeaders.Length > 0) headers.AccessControlExposeHeaders = rule.ExposedHeaders;
                return Task.CompletedTask;
            });
        await next(context);
    }

    private static bool IsPreflight(HttpRequest request) =>
        HttpMethods.IsOptions(request.Method) && request.Headers.ContainsKey(HeaderNames.AccessControlRequestMethod);

    private void AnswerPreflight(HttpContext context, CorsRule rule, string origin, bool allowed)
    {
        var headers = context.Response.Headers;
        if (!allowed)
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return;
        }
        headers.AccessControlAllowOrigin = rule.Origins.IsAny ? "*" : origin;
        headers.AccessControlAllowMethods = rule.Methods ?? string.Join(", ",
            context.GetEndpoint()?.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? [context.Request.Headers.AccessControlRequestMethod.ToString()]);
        var requested = context.Request.Headers.AccessControlRequestHeaders.ToString()
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var granted = requested.Where(rule.AllowsHeader).ToArray();
        headers.AccessControlAllowHeaders = granted.Length > 0 ? string.Join(", ", granted) : string.Join(", ", rule.AllowedHeaders.Where(h => !h.EndsWith('*')));
        headers.AccessControlMaxAge = _maxAge;
        context.Response.StatusCode = StatusCodes.Status204NoContent;
    }
}
