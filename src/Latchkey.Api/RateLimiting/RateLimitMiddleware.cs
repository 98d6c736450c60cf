using System.Globalization;
using Latchkey.Api.Common;
using Latchkey.Core.Cluster;
using Latchkey.Core.Common;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Latchkey.Api.RateLimiting;

/// <summary>
/// Limits requests per surface, policy and client (the IP; on the Nube surface the API key or user when one
/// authenticates, see <see cref="RateLimitPartition"/>), after routing so the endpoint's policy and surface are known. Every limited answer carries X-RateLimit-Limit/Remaining/Reset taken from the
/// window's real state; a refusal is 429 with Retry-After, in the called surface's error shape, and
/// the first refusal of a run is logged with its bucket (later ones at Debug, so a flood cannot flood the log).
/// On PostgreSQL the bucket is also counted in the nodes' <see cref="SharedCounters"/> (a fixed window,
/// flushed in batches), so N nodes behind a balancer do not give a client N times the limit.
/// </summary>
public sealed class RateLimitMiddleware(
    RequestDelegate next, SlidingWindowLog windows, SharedCounters shared, IOptions<RateLimitOptions> options,
    ILogger<RateLimitMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        // The configured table with the administrators' runtime overrides; rebuilt only when the settings change.
        var settings = options.Value;
        var endpoint = context.GetEndpoint();
        var policy = endpoint?.Metadata.GetMetadata<RateLimitPolicyMetadata>()?.Policy ?? RateLimitPolicies.Default;
        var surface = endpoint?.Metadata.GetMetadata<RateLimitSurfaceMetadata>()?.Surface ?? RateLimitSurfaces.Other;
        if (!settings.Enabled || endpoint is null || policy == RateLimitPolicies.None || settings.RuleFor(surface, policy) is not { } rule)
        {
            await next(context);
            return;
        }

        var client = await RateLimitPartition.ForAsync(context, endpoint, surface);
        var key = $"{surface}|{policy}|{client}";
        var decision = Decide(key, rule);
        var headers = context.Response.Headers;
        headers["X-RateLimit-Limit"] = decision.Limit.ToString(CultureInfo.InvariantCulture);
        headers["X-RateLimit-Remaining"] = decision.Remaining.ToString(CultureInfo.InvariantCulture);
        // Rounded up: a client that waits until the announced second must find the slot free.
        headers["X-RateLimit-Reset"] = CeilingUnixSeconds(decision.Reset).ToString(CultureInfo.InvariantCulture);
        if (decision.Allowed)
        {
            await next(context);
            return;
        }

        var retryAfter = (long)Math.Max(1, Math.Ceiling(decision.RetryAfter.TotalSeconds));
        headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
        logger.Log(decision.FirstRefusal ? LogLevel.Warning : LogLevel.Debug,
            "Rate limit reached: bucket {Surface}/{Policy} for client {Client} ({Limit} per {Window}); {Method} {Path} answered 429, retry after {RetryAfter} s",
            surface, policy, client, rule.Limit, rule.Window, context.Request.Method, context.Request.Path, retryAfter);
        await context.SurfaceErrors(PlainErrors.Instance)
            .WriteAsync(context, new AuthError(AuthErrorCodes.RateLimited, "Too many requests; try again later"));
    }

    /// <summary>
    /// The node's exact sliding window first (its refusal carries the exact reset), then, with several nodes
    /// on one database, the shared fixed window. A request the shared count refuses has used a slot of the
    /// node's window: conservative, and only while every node together is at the limit anyway.
    /// </summary>
    private RateLimitDecision Decide(string key, RateLimitRule rule)
    {
        var here = windows.Acquire(key, rule);
        if (!shared.IsShared || !here.Allowed) return here;
        var everywhere = shared.Check(key, rule.Window, rule.Limit);
        if (!everywhere.Allowed)
            return new RateLimitDecision(false, rule.Limit, 0, everywhere.Reset, everywhere.RetryAfter, everywhere.FirstRefusal);
        shared.Add(key, rule.Window);
        return here with { Remaining = Math.Min(here.Remaining, everywhere.Remaining - 1) };
    }

    private static long CeilingUnixSeconds(DateTimeOffset at)
    {
        var ticks = at.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks;
        return (ticks + TimeSpan.TicksPerSecond - 1) / TimeSpan.TicksPerSecond;
    }
}
