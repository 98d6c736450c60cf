using Latchkey.Api.Admin;
using Latchkey.Api.Authentication;
using Latchkey.Api.Common;
using Latchkey.Api.Common.Cors;
using Latchkey.Api.Health;
using Latchkey.Api.Nhost;
using Latchkey.Api.Nube;
using Latchkey.Api.OAuth;
using Latchkey.Api.Platform;
using Latchkey.Api.RateLimiting;
using Latchkey.Api.Scim;
using Latchkey.Api.Simple;
using Latchkey.Api.WellKnown;
using Latchkey.Core.Settings;
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
        services.AddLatchkeyCors(configuration);
        services.AddOptions<RateLimitOptions>().Bind(configuration.GetSection("Latchkey:RateLimits"));
        // Administrators change the shared policies at run time (PUT /api/admin/settings, rateLimits), on every node.
        SettingsOverlays.Live<RateLimitOptions>(services, RateLimitCatalog.Overlay);
        services.AddSingleton<IRateLimitCatalog, RateLimitCatalog>();
        services.AddSingleton<SlidingWindowLog>();
        services.AddNhostApi(configuration);
        services.AddSurfaces();
        services.AddScoped<PlatformSignIn>();
        // Bad bodies throw so ErrorHandlingMiddleware can answer in the surface's shape (not an empty 400).
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.Configure<JsonOptions>(o => o.SerializerOptions.MaxDepth = 16);
        return services;
    }

    /// <summary>The request pipeline between routing and the endpoints, in the order the surfaces rely on.</summary>
    public static WebApplication UseLatchkeyApi(this WebApplication app)
    {
        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseMiddleware<NubeRequestIdMiddleware>();
        app.UseMiddleware<ErrorHandlingMiddleware>();
        app.UseRouting();
        app.UseMiddleware<CorsMiddleware>();
        app.UseMiddleware<RequestSizeLimitMiddleware>();
        app.UseMiddleware<RateLimitMiddleware>();
        app.UseMiddleware<InputBoundaryMiddleware>();
        app.UseAuthentication();
        app.UseAuthorization();
        return app;
    }

    /// <summary>
    /// Which surface owns which paths, for the answers no endpoint of theirs gives (fallback errors) and for
    /// the caching headers. A new surface adds one line here (Nube: /v1/auth, /v1/users, /v1/sessions,
    /// /v1/licenses, /v1/admin; SCIM: /api/scim/v2), and the longest prefix wins.
    /// </summary>
    private static IServiceCollection AddSurfaces(this IServiceCollection services) => services
        .AddSurface(PlatformErrors.Instance, "/api")
        .AddSurface(OAuthErrors.Instance, "/api/oauth")
        .AddSurface(SimpleErrors.Instance, "/api/v1/auth")
        .AddSurface(provider => provider.GetRequiredService<NhostErrors>(), cacheable: false, "/v1")
        .AddSurface(NubeErrors.Instance, NubeEndpoints.Prefixes)
        .AddSurface(_ => OAuthErrors.Instance, cacheable: true, "/.well-known")
        .AddSurface(ScimApiErrors.Instance, ScimEndpoints.Prefix);

    public static IEndpointRouteBuilder MapLatchkeyApi(this IEndpointRouteBuilder app)
    {
        app.MapHealth();
        app.MapJwks();
        app.MapDiscovery();
        app.MapPlatformApi();
        app.MapAdminApi();
        app.MapSimpleApi();
        app.MapNhostApi();
        app.MapNubeApi();
        app.MapOAuthApi();
        app.MapScimApi();
        return app;
    }
}
