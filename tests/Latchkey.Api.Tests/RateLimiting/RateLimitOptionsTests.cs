using Latchkey.Api.RateLimiting;
using Microsoft.Extensions.Configuration;
using Xunit;

namespace Latchkey.Api.Tests.RateLimiting;

/// <summary>How settings reach the rules: a surface's own limit, the shared default, and overrides of either (no server).</summary>
public sealed class RateLimitOptionsTests
{
    private static RateLimitOptions Bind(Dictionary<string, string?> settings)
    {
        var options = new RateLimitOptions();
        new ConfigurationBuilder().AddInMemoryCollection(settings).Build().GetSection("Latchkey:RateLimits").Bind(options);
        return options;
    }

    [Fact]
    public void Each_surface_has_its_documented_limits()
    {
        var options = Bind([]);
        Assert.Equal(new RateLimitRule(10, TimeSpan.FromMinutes(15)), options.RuleFor(RateLimitSurfaces.Platform, RateLimitPolicies.Login));
        Assert.Equal(new RateLimitRule(100, TimeSpan.FromMinutes(15)), options.RuleFor(RateLimitSurfaces.Platform, RateLimitPolicies.Admin));
        Assert.Equal(new RateLimitRule(10, TimeSpan.FromMinutes(5)), options.RuleFor(RateLimitSurfaces.Nhost, RateLimitPolicies.Login));
        Assert.Equal(new RateLimitRule(10, TimeSpan.FromMinutes(1)), options.RuleFor(RateLimitSurfaces.Nube, RateLimitPolicies.Login));
        Assert.Equal(new RateLimitRule(1000, TimeSpan.FromMinutes(1)), options.RuleFor(RateLimitSurfaces.Nube, RateLimitPolicies.Admin));
        Assert.Equal(new RateLimitRule(100, TimeSpan.FromMinutes(15)), options.RuleFor(RateLimitSurfaces.OAuth, RateLimitPolicies.OAuthToken));
        Assert.Null(options.RuleFor(RateLimitSurfaces.Platform, "no-such-policy"));
    }

    [Fact]
    public void Settings_relax_one_policy_everywhere_or_on_one_surface_and_keep_the_rest()
    {
        var options = Bind(new()
        {
            ["Latchkey:RateLimits:Policies:login:Limit"] = "1000",
            ["Latchkey:RateLimits:Surfaces:nhost:login:Limit"] = "500",
            ["Latchkey:RateLimits:Surfaces:simple:login:Limit"] = "50",
            ["Latchkey:RateLimits:Surfaces:simple:login:Window"] = "00:01:00",
        });
        Assert.Equal(1000, options.RuleFor(RateLimitSurfaces.Platform, RateLimitPolicies.Login)!.Limit);
        Assert.Equal(500, options.RuleFor(RateLimitSurfaces.Nhost, RateLimitPolicies.Login)!.Limit);
        Assert.Equal(new RateLimitRule(50, TimeSpan.FromMinutes(1)), options.RuleFor(RateLimitSurfaces.Simple, RateLimitPolicies.Login));
        Assert.Equal(new RateLimitRule(10, TimeSpan.FromHours(1)), options.RuleFor(RateLimitSurfaces.Nhost, RateLimitPolicies.SendMessage));
        Assert.Equal(5, options.RuleFor(RateLimitSurfaces.Platform, RateLimitPolicies.Register)!.Limit);
    }
}
