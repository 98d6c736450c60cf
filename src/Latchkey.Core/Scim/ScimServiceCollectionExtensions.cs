using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Latchkey.Core.Scim;

public static class ScimServiceCollectionExtensions
{
    public static IServiceCollection AddLatchkeyScim(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ScimOptions>().Bind(configuration.GetSection("Latchkey:Scim"))
            .Validate(o => o.DeleteMode is ScimDeleteModes.Delete or ScimDeleteModes.Deactivate,
                "Latchkey:Scim:DeleteMode must be 'delete' or 'deactivate'")
            .Validate(o => o.MaxResults is >= 1 and <= 1000, "Latchkey:Scim:MaxResults must be between 1 and 1000")
            .Validate(o => o.ExactTotalUpTo >= 0, "Latchkey:Scim:ExactTotalUpTo must not be negative")
            .Validate(o => o.TotalMaxAge >= TimeSpan.Zero && o.TotalMaxAge <= TimeSpan.FromHours(1), "Latchkey:Scim:TotalMaxAge must be between 0 and 1 hour")
            .Validate(o => o.MaxBulkOperations is >= 1 and <= 10_000, "Latchkey:Scim:MaxBulkOperations must be between 1 and 10000")
            .Validate(o => o.MaxBulkPayloadSize is >= 64 * 1024 and <= 64 * 1024 * 1024,
                "Latchkey:Scim:MaxBulkPayloadSize must be between 65536 and 67108864 bytes")
            .ValidateOnStart();
        services.AddScoped<ScimTokenService>();
        services.AddScoped<ScimAccountCutOff>();
        services.AddScoped<ScimUserWriter>();
        services.AddScoped<ScimUserService>();
        services.AddSingleton<ScimUserTotal>();
        services.AddSingleton<ScimTokenCache>();
        services.AddScoped<ScimGroupService>();
        services.AddScoped<GroupRoleSync>();
        services.AddScoped<GroupRoleAdministration>();
        services.AddSingleton<ScimBulkProcessor>();
        services.AddScoped<GroupClaim>();
        return services;
    }
}
