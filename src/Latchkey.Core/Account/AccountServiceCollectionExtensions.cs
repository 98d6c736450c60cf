using Microsoft.Extensions.DependencyInjection;

namespace Latchkey.Core.Account;

public static class AccountServiceCollectionExtensions
{
    /// <summary>Self-service over one's own account: profile, preferences, avatar, export and deletion.</summary>
    public static IServiceCollection AddLatchkeyAccount(this IServiceCollection services, Microsoft.Extensions.Configuration.IConfiguration configuration)
    {
        services.AddOptions<AvatarOptions>().Bind(configuration.GetSection("Latchkey:Avatars")).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<ProfileService>();
        services.AddScoped<AvatarService>();
        services.AddScoped<AccountExportService>();
        services.AddScoped<AccountDeletionService>();
        return services;
    }
}
