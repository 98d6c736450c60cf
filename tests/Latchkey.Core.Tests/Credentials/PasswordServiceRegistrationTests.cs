using Latchkey.Core.Credentials;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Latchkey.Core.Tests.Credentials;

public sealed class PasswordServiceRegistrationTests
{
    [Fact]
    public void Defaults_bind_and_resolve()
    {
        using var services = Build([]);

        var hashing = services.GetRequiredService<IOptions<PasswordHashingOptions>>().Value;
        var policy = services.GetRequiredService<IOptions<PasswordPolicyOptions>>().Value;
        Assert.Equal((2, 19456), (hashing.Iterations, hashing.MemoryKiB));
        Assert.Equal((8, 256, 3, true), (policy.MinLength, policy.MaxLength, policy.MinZxcvbnScore, policy.CheckCommonPasswords));
        Assert.Equal(BreachCheckModes.Off, policy.BreachCheck.Mode);
        Assert.IsType<Argon2idPasswordHasher>(services.GetRequiredService<IPasswordHasher>());
        Assert.IsType<DisabledBreachedPasswordChecker>(services.GetRequiredService<IBreachedPasswordChecker>());
        Assert.NotNull(services.GetRequiredService<PasswordPolicy>());
    }

    [Fact]
    public async Task Configured_values_are_bound_and_select_the_breach_checker()
    {
        using var services = Build(new()
        {
            ["Latchkey:Passwords:Hashing:Iterations"] = "1",
            ["Latchkey:Passwords:Hashing:MemoryKiB"] = "1024",
            ["Latchkey:Passwords:Policy:MinLength"] = "12",
            ["Latchkey:Passwords:Policy:BreachCheck:Mode"] = "HIBP",
            ["Latchkey:Passwords:Policy:BreachCheck:TimeoutMs"] = "500",
        });

        var hasher = services.GetRequiredService<IPasswordHasher>();
        Assert.StartsWith("$argon2id$v=19$m=1024,t=1,p=1$", await hasher.HashAsync("x", TestContext.Current.CancellationToken));
        Assert.Equal(12, services.GetRequiredService<IOptions<PasswordPolicyOptions>>().Value.MinLength);
        Assert.Equal(500, services.GetRequiredService<IOptions<BreachCheckOptions>>().Value.TimeoutMs);
        Assert.IsType<HibpBreachedPasswordChecker>(services.GetRequiredService<IBreachedPasswordChecker>());
    }

    [Theory]
    [InlineData("Latchkey:Passwords:Hashing:Iterations", "0", "Latchkey:Passwords:Hashing:Iterations must be at least 1 (got 0).")]
    [InlineData("Latchkey:Passwords:Hashing:MemoryKiB", "4", "Latchkey:Passwords:Hashing:MemoryKiB must be at least 8 (got 4).")]
    [InlineData("Latchkey:Passwords:Policy:MaxLength", "63", "Latchkey:Passwords:Policy:MaxLength must be at least 64 (got 63).")]
    [InlineData("Latchkey:Passwords:Policy:MinLength", "6", "Latchkey:Passwords:Policy:MinLength must be at least 8 (got 6).")]
    [InlineData("Latchkey:Passwords:Policy:MinZxcvbnScore", "5", "Latchkey:Passwords:Policy:MinZxcvbnScore must be between 0 and 4 (got 5).")]
    [InlineData("Latchkey:Passwords:Policy:BreachCheck:Mode", "online", "Latchkey:Passwords:Policy:BreachCheck:Mode must be one of off, hibp, file (got 'online').")]
    [InlineData("Latchkey:Passwords:Policy:BreachCheck:Mode", "file", "Latchkey:Passwords:Policy:BreachCheck:PrefixFilePath is required when Mode is 'file'.")]
    public async Task Invalid_settings_stop_the_host_with_one_clear_line(string key, string value, string expected)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { [key] = value });
        builder.Services.AddLatchkeyPasswords(builder.Configuration);
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(TestContext.Current.CancellationToken));

        Assert.Equal(expected, error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void Several_failures_still_read_as_one_line()
    {
        using var services = Build(new()
        {
            ["Latchkey:Passwords:Policy:MinLength"] = "2",
            ["Latchkey:Passwords:Policy:MaxLength"] = "10",
        });

        var error = Assert.Throws<OptionsValidationException>(
            () => services.GetRequiredService<IOptions<PasswordPolicyOptions>>().Value);

        Assert.Contains("MinLength must be at least 8", error.Message);
        Assert.Contains("MaxLength must be at least 64", error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddLogging().AddLatchkeyPasswords(configuration).BuildServiceProvider();
    }
}
