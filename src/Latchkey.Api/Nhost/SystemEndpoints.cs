using Latchkey.Api.Common;
using Latchkey.Api.Health;
using Latchkey.Api.Nhost.Contracts;
using Latchkey.Api.RateLimiting;
using Latchkey.Core.Common;
using Latchkey.Core.Tokens;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Latchkey.Api.Nhost;

/// <summary><c>/v1/healthz</c> (GET and HEAD), <c>/v1/version</c> and <c>/v1/.well-known/jwks.json</c>; never rate limited.</summary>
public static class SystemEndpoints
{
    public static void MapNhostSystem(this RouteGroupBuilder v1)
    {
        v1.MapMethods("/healthz", [HttpMethods.Get, HttpMethods.Head], Health).RateLimited(RateLimitPolicies.None);
        v1.MapGet("/version", () => NhostEndpoints.Ok(new VersionResponse(HealthEndpoints.Version))).RateLimited(RateLimitPolicies.None);
        v1.MapGet("/.well-known/jwks.json", Jwks).RateLimited(RateLimitPolicies.None);
    }

    /// <summary>Healthy when the database answers, like the server's own readiness check; 503 (it recovers by itself) when not.</summary>
    private static async Task<IResult> Health(HealthCheckService health, NhostErrors errors, HttpContext http, CancellationToken ct)
    {
        var report = await health.CheckHealthAsync(ct);
        if (report.Status == HealthStatus.Unhealthy)
        {
            http.Response.Headers.RetryAfter = ErrorHandlingMiddleware.UnavailableRetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return errors.ToResult(new AuthError(AuthErrorCodes.Unavailable, "The database does not answer"), http.TraceIdentifier);
        }
        return HttpMethods.IsHead(http.Request.Method) ? Results.Ok() : NhostEndpoints.OkString();
    }

    /// <summary>The keys of the Nhost tokens only (RSA by default, as the spec's JWK schema expects); none with HS256.</summary>
    private static IResult Jwks(SigningKeyRing keys, HttpContext http)
    {
        http.Response.Headers.CacheControl = "public, max-age=300";
        return Results.Bytes(keys.JwksJsonFor(HasuraJwtOptions.KeyPurpose), "application/json");
    }
}
