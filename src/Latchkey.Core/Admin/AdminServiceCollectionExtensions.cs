using Latchkey.Core.Settings;
using Microsoft.Extensions.DependencyInjection;

namespace Latchkey.Core.Admin;

public static class AdminServiceCollectionExtensions
{
    public static IServiceCollection AddLatchkeyAdmin(this IServiceCollection services)
    {
        services.AddSingleton<RolePermissions>();
        services.AddScoped<AdminAudit>();
        services.AddScoped<AdminGuards>();
        services.AddScoped<RoleService>();
        services.AddScoped<UserDirectory>();
        services.AddScoped<AccountAdministration>();
        services.AddScoped<SessionAdministration>();
        services.AddScoped<ActivitySearch>();
        services.AddScoped<StatsService>();
        services.AddSingleton<AccountStatsCache>();
        services.AddScoped<Analytics.AnalyticsService>();
        services.AddScoped<Impersonation.ImpersonationService>();
        services.AddSingleton<Impersonation.ImpersonationCookie>();
        services.AddScoped<Analytics.ActivityRollup>();
        services.AddHostedService<Analytics.ActivityRollupWorker>();
        services.AddSingleton<SettingsCache>();
        services.AddRuntimeSettingsOverlays();
        services.AddScoped<SettingsService>();
        return services;
    }
}
