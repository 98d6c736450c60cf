using Latchkey.Pages.Flows;
using Latchkey.Pages.Layout;
using Latchkey.Pages.OAuth;
using Latchkey.Pages.SignIn;
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
        // Static server rendering only: no circuits, no WebSockets, no Blazor script (RazorComponentResult needs these services).
        services.AddRazorComponents();
        services.AddScoped<PageContext>();
        services.AddScoped<LoginForm>();
        services.AddScoped<FlowForms>();
        services.AddScoped<Account.AccountConsole>();
        services.AddScoped<Admin.AdminConsole>();
        services.AddScoped<Admin.UserActionServices>();
        return services;
    }

    /// <summary>
    /// The hosted pages: sign-in, consent, device, logout, the OAuth error page and the emailed flows. The host
    /// passes <paramref name="signInPost"/> to put every form that signs in, sends mail or checks a code under
    /// the same rate limit as the login API.
    /// </summary>
    public static IEndpointRouteBuilder MapLatchkeyPages(this IEndpointRouteBuilder app, Action<IEndpointConventionBuilder> signInPost)
    {
        app.MapPageScripts();
        foreach (var post in app.MapLoginPage()) signInPost(post);
        foreach (var post in app.MapEmailFlows()) signInPost(post);
        app.MapConsentPage();
        app.MapDevicePage();
        app.MapLogoutPage();
        app.MapErrorPage();
        return app;
    }
}
