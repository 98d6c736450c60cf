using Latchkey.Api.Authentication;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;

namespace Latchkey.Api.RateLimiting;

/// <summary>
/// Whose budget a request spends. The Nube seed counts per API key, per user or per IP: on that surface an
/// endpoint that needs a credential is counted under the key that authenticated it, else the user of a valid
/// bearer token (or session), else the client IP. The credential is read by the one authentication handler,
/// whose result ASP.NET Core keeps for the request, so authorization reuses it: no second lookup. Public
/// endpoints and a credential that fails stay per IP, so inventing keys buys no budget. The other surfaces'
/// documents say per IP, and keep it (decision 84).
/// </summary>
internal static class RateLimitPartition
{
    public static async ValueTask<string> ForAsync(HttpContext context, Endpoint endpoint, string surface)
    {
        if (surface == RateLimitSurfaces.Nube && endpoint.Metadata.GetMetadata<IAuthorizeData>() is not null)
        {
            var result = await context.AuthenticateAsync(LatchkeyAuthentication.Scheme);
            if (result.Succeeded && context.Features.Get<CallerFeature>()?.Caller is { } caller)
                return caller.ApiKeyId is { } key ? "key:" + key.ToString("N") : "user:" + caller.UserId.ToString("N");
        }
        // The bare address, as buckets were always named (an IP never starts with "key:" or "user:").
        return context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
    }
}
