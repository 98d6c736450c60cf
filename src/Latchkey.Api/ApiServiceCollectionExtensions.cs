using Latchkey.Api.Admin;
using Latchkey.Api.Authentication;
using Latchkey.Api.Common;
using Latchkey.Api.Health;
using Latchkey.Api.Nhost;
using Latchkey.Api.OAuth;
using Latchkey.Api.Platform;
using Latchkey.Api.RateLimiting;
using Latchkey.Api.Simple;
using Latchkey.Api.WellKnown;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Latchkey.Api;

public static class ApiServiceCollectionExtensions
{
    public static IServiceCollection AddLatchkeyApi(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddLatchkeyAuthentication();
        services.AddLatchkeyAntiforgery();
        services.AddOptions<RateLimitOptions>().Bind(configuration.GetSection("Latchkey:RateLimits"));
        services.AddSingleton<SlidingWindowCounter>();
        services.AddNhostApi(configuration);
        services.AddScoped<PlatformSignIn>();
        services.AddSingleton<OAuthStateCookie>();
        // Bad bodies throw so ErrorHandlingMiddleware can answer in the surface's shape (not an empty 400).
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.Configure<JsonOptions>(o => o.SerializerOptions.MaxDepth = 16);
        return services;
    }

    /// <summary>The request pipeline between routing and the endpoints, in the order the surfaces rely on.</summary>
    public static WebApplication UseLatchkeyApi(this WebApplication app)
    {
        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseMiddleware<ErrorHandlingMiddleware>();
        app.UseRouting();
        app.UseMiddleware<RequestSizeLimitMiddleware>();
        app.UseMiddleware<RateLimitMiddleware>();
        app.UseAuthentication();
        app.UseAuthorization();
        return app;
    }

    public static IEndpointRouteBuilder MapLatchkeyApi(this IEndpointRouteBuilder app)
    {
        app.MapHealth();
        app.MapJwks();
        app.MapDiscovery();
        app.MapPlatformApi();
        app.MapAdminApi();
        app.MapSimpleApi();
        app.MapNhostApi();
        app.MapOAuthApi();
        return app;
    }
}
