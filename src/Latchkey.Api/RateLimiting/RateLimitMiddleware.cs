using System.Globalization;
using Latchkey.Api.Common;
using Latchkey.Core.Common;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Latchkey.Api.RateLimiting;

/// <summary>
/// Limits requests per client IP and policy, after routing so the endpoint's policy and surface are
/// known. Every limited answer carries X-RateLimit-Limit/Remaining/Reset; a refusal is 429 with
/// Retry-After, in the called surface's error shape.
/// </summary>
public sealed class RateLimitMiddleware(RequestDelegate next, SlidingWindowCounter counter, IOptionsMonitor<RateLimitOptions> options)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var settings = options.CurrentValue;
        var endpoint = context.GetEndpoint();
        var policy = endpoint?.Metadata.GetMetadata<RateLimitPolicyMetadata>()?.Policy ?? RateLimitPolicies.Default;
        if (!settings.Enabled || endpoint is null || policy == RateLimitPolicies.None
            || !settings.Policies.TryGetValue(policy, out var rule))
        {
            await next(context);
            return;
        }

        var client = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        var decision = counter.Acquire($"{policy}|{client}", rule);
        var headers = context.Response.Headers;
        headers["X-RateLimit-Limit"] = decision.Limit.ToString(CultureInfo.InvariantCulture);
        headers["X-RateLimit-Remaining"] = decision.Remaining.ToString(CultureInfo.InvariantCulture);
        headers["X-RateLimit-Reset"] = decision.Reset.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        if (decision.Allowed)
        {
            await next(context);
            return;
        }

        headers.RetryAfter = ((int)Math.Ceiling(decision.RetryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        await context.SurfaceErrors(PlainErrors.Instance)
            .WriteAsync(context, new AuthError(AuthErrorCodes.RateLimited, "Too many requests; try again later"));
    }
}
