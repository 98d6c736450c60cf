using Microsoft.Extensions.DependencyInjection;

namespace Latchkey.Core.Licensing;

public static class LicensingServiceCollectionExtensions
{
    public static IServiceCollection AddLicensing(this IServiceCollection services) => services
        .AddSingleton<EntitlementCache>()
        .AddSingleton<UsageCounterCache>()
        .AddSingleton<LicenseExpiryWorker>()
        .AddHostedService(sp => sp.GetRequiredService<LicenseExpiryWorker>())
        .AddScoped<LicenseAdministration>()
        .AddScoped<LicenseKeyService>()
        .AddScoped<EntitlementService>()
        .AddScoped<EntitlementClaim>()
        .AddScoped<UsageService>()
        .AddScoped<LicenseTokenIssuer>();
}
