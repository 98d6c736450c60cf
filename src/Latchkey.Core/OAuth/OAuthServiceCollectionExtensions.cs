using Latchkey.Core.OAuth.BackChannel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Latchkey.Core.OAuth;

public static class OAuthServiceCollectionExtensions
{
    /// <summary>The OAuth 2.0 / OpenID Connect provider engine.</summary>
    public static IServiceCollection AddLatchkeyOAuth(this IServiceCollection services)
    {
        services.AddSingleton<IdTokenIssuer>();
        services.AddSingleton<IdTokenHintReader>();
        services.AddSingleton<ClientAssertionValidator>();
        services.AddSingleton<OAuthTokenMinter>();
        services.AddSingleton<ClientCredentialsGrant>();
        services.AddSingleton<OAuthClientCache>();
        services.AddSingleton<ApiResourceCatalog>();
        services.AddSingleton<BackChannelLogout>();
        services.AddSingleton<BackChannelLogoutSignal>();
        services.AddHostedService<BackChannelLogoutSender>();
        services.AddSingleton<ClientOrigins>();
        services.AddSingleton<SignInRequestMarker>();
        services.AddHttpClient(BackChannelLogout.HttpClientName)
            .ConfigureHttpClient((sp, c) => c.Timeout = sp.GetRequiredService<IOptions<BackChannelLogoutOptions>>().Value.Timeout);

        services.AddScoped<GrantState>();
        services.AddScoped<BrowserSessionReader>();
        services.AddScoped<ImpersonatedGrants>();
        services.AddScoped<ClientAuthenticator>();
        services.AddScoped<OAuthClientService>();
        services.AddScoped<ApiResourceService>();
        services.AddScoped<ResourceIndicators>();
        services.AddScoped<AuthorizationRequestValidator>();
        services.AddScoped<AuthorizationService>();
        services.AddScoped<AuthorizationCodeGrant>();
        services.AddScoped<RefreshTokenGrant>();
        services.AddScoped<DeviceFlowService>();
        services.AddScoped<UserInfoService>();
        services.AddScoped<ScopeClaims>();
        services.AddScoped<OAuthTokenResolver>();
        services.AddScoped<IntrospectionService>();
        services.AddScoped<RevocationService>();
        services.AddScoped<EndSessionService>();
        services.AddScoped<BackChannelLogoutQueue>();
        services.AddScoped<AuthorizedAppsService>();
        return services;
    }
}
