using Latchkey.Core.Licensing;
using Latchkey.Core.OAuth;
using Latchkey.Core.Sessions;
using Latchkey.Core.Settings;
using Latchkey.Core.Tokens;
using Microsoft.Extensions.DependencyInjection;

namespace Latchkey.Core.Cluster;

public static class ClusterServiceCollectionExtensions
{
    /// <summary>The change feed and the node caches that follow it (each registered as a singleton elsewhere).</summary>
    public static IServiceCollection AddLatchkeyCluster(this IServiceCollection services)
    {
        services.AddSingleton<IChangeSubscriber>(sp => sp.GetRequiredService<OAuthClientCache>());
        services.AddSingleton<IChangeSubscriber>(sp => sp.GetRequiredService<ApiResourceCatalog>());
        services.AddSingleton<IChangeSubscriber>(sp => sp.GetRequiredService<SettingsCache>());
        services.AddSingleton<IChangeSubscriber>(sp => sp.GetRequiredService<AccessTokenRevocationList>());
        services.AddSingleton<IChangeSubscriber>(sp => sp.GetRequiredService<SigningKeyRing>());
        services.AddSingleton<IChangeSubscriber>(sp => sp.GetRequiredService<SessionStateCache>());
        services.AddSingleton<IChangeSubscriber>(sp => sp.GetRequiredService<EntitlementCache>());
        services.AddSingleton<ChangeFeed>();
        services.AddHostedService(sp => sp.GetRequiredService<ChangeFeed>());
        services.AddSingleton<SharedCounters>();
        services.AddHostedService(sp => sp.GetRequiredService<SharedCounters>());
        return services;
    }
}
