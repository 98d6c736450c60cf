using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Latchkey.Pages;

public static class PagesEndpoints
{
    public static IServiceCollection AddLatchkeyPages(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PagesOptions>().Bind(configuration.GetSection("Latchkey:Pages"));
        services.AddScoped<LoginForm>();
        return services;
    }

    /// <summary>
    /// The hosted pages: sign-in, consent, device, logout and the OAuth error page. The host passes
    /// <paramref name="signInPost"/> to put the password and code forms under the same rate limit as the login API.
    /// </summary>
    public static IEndpointRouteBuilder MapLatchkeyPages(this IEndpointRouteBuilder app, Action<IEndpointConventionBuilder> signInPost)
    {
        foreach (var post in app.MapLoginPage()) signInPost(post);
        app.MapConsentPage();
        app.MapDevicePage();
        app.MapLogoutPage();
        app.MapErrorPage();
        return app;
    }
}
