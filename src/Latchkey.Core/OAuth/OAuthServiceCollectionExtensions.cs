using Microsoft.Extensions.DependencyInjection;

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
        services.AddSingleton<ClientOrigins>();
        services.AddSingleton<SignInRequestMarker>();
        services.AddHttpClient(BackChannelLogout.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(5));

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
        services.AddScoped<AuthorizedAppsService>();
        return services;
    }
}
