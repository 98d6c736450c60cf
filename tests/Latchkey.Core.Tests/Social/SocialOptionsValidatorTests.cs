using Latchkey.Core.Social;

namespace Latchkey.Core.Tests.Social;

public sealed class SocialOptionsValidatorTests
{
    private static IEnumerable<string> Errors(string name, SocialProviderSettings settings, params string[] redirects)
    {
        var options = new SocialOptions { AllowedRedirectUrls = [.. redirects] };
        options.Providers[name] = settings;
        return new SocialOptionsValidator().Validate(null, options).Failures ?? [];
    }

    [Fact]
    public void A_complete_provider_passes() =>
        Assert.Empty(Errors("github", new() { ClientId = "id", ClientSecret = "s" }, "https://app.example/"));

    [Fact]
    public void Each_problem_is_named()
    {
        Assert.Contains(Errors("github", new() { ClientSecret = "s" }), e => e.Contains("ClientId"));
        Assert.Contains(Errors("github", new() { ClientId = "id" }), e => e.Contains("ClientSecret"));
        Assert.Contains(Errors("corp", new() { ClientId = "id", ClientSecret = "s" }), e => e.Contains("Issuer"));
        Assert.Contains(Errors("apple", new() { ClientId = "id", TeamId = "t" }), e => e.Contains("KeyId"));
        Assert.Contains(Errors("github", new() { ClientId = "id", ClientSecret = "s", TokenEndpoint = "ftp://x" }), e => e.Contains("ftp://x"));
        Assert.Contains(Errors("git hub", new() { ClientId = "id", ClientSecret = "s" }), e => e.Contains("provider names"));
        Assert.Contains(Errors("github", new() { ClientId = "id", ClientSecret = "s" }, "/relative"), e => e.Contains("/relative"));
        Assert.Empty(Errors("github", new() { Enabled = false }));
    }
}
