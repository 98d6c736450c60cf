using Latchkey.Api.Common.Cors;
using Latchkey.Api.OAuth;
using Latchkey.Api.RateLimiting;
using Latchkey.Core.Tokens;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Latchkey.Api.WellKnown;

public static class JwksEndpoints
{
    /// <summary>
    /// <c>GET /.well-known/jwks.json</c>: the public keys, pre-serialized per key-ring snapshot, so this
    /// hot path writes cached bytes. Verifiers may cache it for five minutes, the ring's refresh interval.
    /// </summary>
    public static void MapJwks(this IEndpointRouteBuilder app) =>
        app.MapGet("/.well-known/jwks.json", (SigningKeyRing keys, HttpContext http) =>
            {
                http.Response.Headers.CacheControl = "public, max-age=300";
                return Results.Bytes(keys.JwksJson, "application/json");
            })
            .RateLimited(RateLimitPolicies.None)
            .WithCors(CorsRule.Public)
            .WithTags("Well-known");
}
