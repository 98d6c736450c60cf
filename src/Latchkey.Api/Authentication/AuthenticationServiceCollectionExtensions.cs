using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.DependencyInjection;

namespace Latchkey.Api.Authentication;

public static class AuthenticationServiceCollectionExtensions
{
    public static IServiceCollection AddLatchkeyAuthentication(this IServiceCollection services)
    {
        services.AddSingleton<CrossSiteRequestGuard>();
        // No default scheme: only endpoints whose policy names the scheme authenticate.
        services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, LatchkeyAuthenticationHandler>(LatchkeyAuthentication.Scheme, null);
        services.AddAuthorizationBuilder()
            .AddPolicy(LatchkeyAuthentication.AnyCredential, p => p
                .AddAuthenticationSchemes(LatchkeyAuthentication.Scheme)
                .RequireAuthenticatedUser())
            .AddPolicy(LatchkeyAuthentication.SessionRequired, p => p
                .AddAuthenticationSchemes(LatchkeyAuthentication.Scheme)
                .RequireAuthenticatedUser()
                .RequireClaim(LatchkeyAuthentication.SessionClaim));
        return services;
    }
}
