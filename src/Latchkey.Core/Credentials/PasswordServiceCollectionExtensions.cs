using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Latchkey.Core.Credentials;

/// <summary>Registers password hashing, the password policy and the optional breach check.</summary>
public static class PasswordServiceCollectionExtensions
{
    public const string SectionPath = "Latchkey:Passwords";

    /// <summary>
    /// Binds <c>Latchkey:Passwords:Hashing</c> and <c>Latchkey:Passwords:Policy</c> from the application's
    /// root <paramref name="configuration"/> and validates them at startup, so a bad value stops the host
    /// with one line naming the key rather than failing at the first login.
    /// </summary>
    public static IServiceCollection AddLatchkeyPasswords(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(SectionPath);

        services.AddOptions<PasswordHashingOptions>().Bind(section.GetSection("Hashing")).ValidateOnStart();
        services.TryAddEnumerable(
            ServiceDescriptor.Singleton<IValidateOptions<PasswordHashingOptions>, PasswordHashingOptionsValidator>());

        services.AddOptions<PasswordPolicyOptions>().Bind(section.GetSection("Policy")).ValidateOnStart();
        services.TryAddEnumerable(
            ServiceDescriptor.Singleton<IValidateOptions<PasswordPolicyOptions>, PasswordPolicyOptionsValidator>());

        // The checkers need only their own slice of the (already validated) policy options: the configured one,
        // not the runtime overlay, so an administrator switching the check off and on again keeps its source.
        services.TryAddSingleton<IOptions<BreachCheckOptions>>(sp =>
            Options.Create(sp.GetRequiredService<IOptionsFactory<PasswordPolicyOptions>>().Create(Options.DefaultName).BreachCheck));

        services.TryAddSingleton<IPasswordHasher, Argon2idPasswordHasher>();

        services.AddHttpClient(HibpBreachedPasswordChecker.HttpClientName, client =>
            client.DefaultRequestHeaders.UserAgent.ParseAdd("Latchkey-PasswordPolicy"));
        services.TryAddSingleton<HibpBreachedPasswordChecker>();
        services.TryAddSingleton<FileBreachedPasswordChecker>();
        services.TryAddSingleton<IBreachedPasswordChecker>(SelectBreachChecker);

        services.TryAddSingleton<PasswordPolicy>();
        return services;
    }

    private static IBreachedPasswordChecker SelectBreachChecker(IServiceProvider services)
    {
        var mode = services.GetRequiredService<IOptions<BreachCheckOptions>>().Value.Mode.Trim().ToLowerInvariant();
        return mode switch
        {
            BreachCheckModes.Hibp => services.GetRequiredService<HibpBreachedPasswordChecker>(),
            BreachCheckModes.File => services.GetRequiredService<FileBreachedPasswordChecker>(),
            _ => new DisabledBreachedPasswordChecker(),
        };
    }
}
