using System.Reflection;
using Latchkey.Api.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Latchkey.Api.Health;

public static class HealthEndpoints
{
    /// <summary>
    /// <c>/health/live</c> (the process answers), <c>/health/ready</c> (the database answers too; the outbox and webhook backlog, as JSON) and
    /// <c>/version</c>. Never rate limited: orchestrators poll them.
    /// </summary>
    public static void MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false })
            .WithMetadata(new RateLimitPolicyMetadata(RateLimitPolicies.None));
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { ResponseWriter = HealthReportWriter.WriteAsync })
            .WithMetadata(new RateLimitPolicyMetadata(RateLimitPolicies.None));
        app.MapGet("/version", () => Results.Ok(new VersionResponse("Latchkey", Version)))
            .RateLimited(RateLimitPolicies.None)
            .WithTags("Health");
    }

    /// <summary>The server's informational version (shared with the Nhost surface's <c>/v1/version</c>).</summary>
    internal static readonly string Version =
        typeof(HealthEndpoints).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";

    internal sealed record VersionResponse(string Name, string Version);
}
