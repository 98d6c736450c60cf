using Latchkey.Api.Authentication;
using Latchkey.Api.Common;
using Latchkey.Api.Common.Cors;
using Latchkey.Api.Nhost.Contracts;
using Latchkey.Api.Nhost.Webauthn;
using Latchkey.Api.RateLimiting;
using Latchkey.Core.Authentication;
using Latchkey.Core.Common;
using Latchkey.Core.Users;
using Latchkey.Core.Verification;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Latchkey.Api.Nhost;

public static class NhostEndpoints
{
    /// <summary>The Nhost-compatible API under <c>/v1</c> (nhost-authentication-openapi.yml), in its own error shape.</summary>
    public static RouteGroupBuilder MapNhostApi(this IEndpointRouteBuilder app)
    {
        var errors = app.ServiceProvider.GetRequiredService<NhostErrors>();
        var v1 = app.MapGroup("/v1").WithTags("Nhost API").WithSurfaceErrors(errors).WithMetadata(BodySizeLimit.Json)
            .RateLimitSurface(RateLimitSurfaces.Nhost).WithCors(CorsRule.BrowserApps);
        v1.MapNhostSignUp();
        v1.MapNhostSignIn();
        v1.MapNhostPasswordless();
        v1.MapNhostEmailLinks();
        v1.MapNhostTokens();
        v1.MapNhostUser();
        v1.MapNhostPersonalAccessTokens();
        v1.MapNhostSystem();
        v1.MapNhostMfa();
        v1.MapNhostVerify();
        v1.MapNhostWebauthn();
        v1.MapNhostSecurityKeys();
        v1.MapNhostIdTokens();
        v1.MapNhostProviders();
        return v1;
    }

    public static IServiceCollection AddNhostApi(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<NhostOptions>().Bind(configuration.GetSection("Latchkey:Nhost")).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<Webauthn.NhostElevation>();
        services.AddSingleton<NhostErrors>();
        services.AddSingleton<NhostSessions>();
        services.AddSingleton<NhostTicketLinks>();
        services.AddScoped<TicketRedemption>();
        return services;
    }

    /// <summary>SignUpOptions as the core's profile request (roles, display name, locale, metadata).</summary>
    internal static ProfileRequest ToProfile(this Contracts.SignUpOptions? options) =>
        options is null ? new ProfileRequest()
            : new ProfileRequest(options.DisplayName, options.Locale, options.Metadata, options.DefaultRole, options.AllowedRoles);

    /// <summary>The spec's <c>redirectTo</c>: absent, or exactly one of the allowed URLs.</summary>
    internal static AuthError? CheckRedirect(this RedirectPolicy redirects, string? redirectTo) =>
        redirectTo is null || redirects.IsAllowed(redirectTo) ? null
            : new AuthError(AuthErrorCodes.RedirectNotAllowed, "The redirect URL is not allowed");

    /// <summary>A required field the body left out: the spec answers <c>400 invalid-request</c>.</summary>
    internal static AuthError Missing(string field) => AuthError.Field(field, $"\"{field}\" is required");

    internal static IResult Ok(object body) => Results.Json(body);

    /// <summary>For operations where the spec makes the bearer optional: authenticate only if one is present.</summary>
    internal static async Task<Caller?> AuthenticatedCallerAsync(HttpContext http)
    {
        var result = await http.AuthenticateAsync(LatchkeyAuthentication.Scheme);
        return result.Succeeded ? http.Features.Get<CallerFeature>()?.Caller : null;
    }

    /// <summary>The spec's OKResponse: the JSON string <c>"OK"</c>.</summary>
    internal static IResult OkString() => Results.Json("OK");
}
