using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Latchkey.Core.Social;

public static class SocialServiceCollectionExtensions
{
    public static IServiceCollection AddLatchkeySocial(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SocialOptions>().Bind(configuration.GetSection("Latchkey:Social")).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SocialOptions>, SocialOptionsValidator>());

        // One named client for every provider call, bounded by the configured timeout; no automatic
        // redirects (a token endpoint that redirects is misconfigured, not something to follow).
        services.AddHttpClient(UpstreamHttp.ClientName, (sp, client) =>
            {
                client.Timeout = sp.GetRequiredService<IOptions<SocialOptions>>().Value.HttpTimeout;
                client.DefaultRequestHeaders.UserAgent.ParseAdd("Latchkey-Social");
            })
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false, PooledConnectionLifetime = TimeSpan.FromMinutes(5) });

        services.AddSingleton<UpstreamHttp>();
        services.AddSingleton<OidcDiscovery>();
        services.AddSingleton<UpstreamJwks>();
        services.AddSingleton<UpstreamIdTokenValidator>();
        services.AddSingleton<AppleClientSecret>();
        services.AddSingleton<UpstreamOAuthClient>();
        services.AddSingleton<UpstreamTokenVault>();
        services.AddSingleton<SocialProviderRegistry>();
        services.AddSingleton<RedirectAllowList>();
        services.AddSingleton<OAuthStateCookie>();
        services.AddScoped<SocialAccountService>();
        services.AddScoped<SocialFlowService>();
        services.AddScoped<IdTokenSignInService>();
        services.AddScoped<ConnectedServicesService>();
        return services;
    }
}
