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
            .ValidateOnStart();
        services.AddScoped<ScimTokenService>();
        services.AddScoped<ScimAccountCutOff>();
        services.AddScoped<ScimUserWriter>();
        services.AddScoped<ScimUserService>();
        services.AddScoped<ScimGroupService>();
        return services;
    }
}
