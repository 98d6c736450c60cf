using Latchkey.Core.Common;
using Latchkey.Core.Verification;
using Microsoft.Extensions.Options;
using Xunit;

namespace Latchkey.Core.Tests.Verification;

public sealed class RedirectPolicyTests
{
    private static RedirectPolicy Policy(params string[] allowed) => new(
        Options.Create(new SignUpOptions { AllowedRedirectUrls = [.. allowed] }),
        Options.Create(new LatchkeyOptions { PublicUrl = "https://id.example.com" }));

    [Theory]
    [InlineData("https://id.example.com/anything", true)]
    [InlineData("https://app.example.com/x?y=1#frag", true)]
    [InlineData("https://cb.example.net/callback", true)]
    [InlineData("https://cb.example.net/callback/", false)]
    [InlineData("https://cb.example.net/CALLBACK", false)]
    [InlineData("https://app.example.com.attacker.net/", false)]
    [InlineData("https://attacker.net/?https://app.example.com", false)]
    [InlineData("https://app.example.com@attacker.net/", false)]
    [InlineData("ftp://app.example.com/", false)]
    [InlineData("https://app.example.com/\r\nLocation: x", false)]
    [InlineData("https:/\\attacker.net", false)]
    [InlineData("https://app.example.com/\u200Bx", false)] // the same invisible characters hosted return URLs refuse
    [InlineData("\uFEFFhttps://app.example.com/", false)]
    [InlineData("", true)]
    public void Allows_exact_urls_and_listed_origins_only(string redirectTo, bool allowed)
    {
        var result = Policy("https://app.example.com", "https://cb.example.net/callback").Resolve(redirectTo, "/default");
        Assert.Equal(allowed, result.IsSuccess);
        if (!allowed) Assert.Equal(AuthErrorCodes.RedirectNotAllowed, result.Error!.Code);
    }

    [Fact]
    public void No_redirect_means_the_servers_own_page()
    {
        Assert.Equal("https://id.example.com/reset-password", Policy().Resolve(null, "/reset-password").Value);
    }

    [Fact]
    public void An_unparseable_allow_list_entry_allows_nothing()
    {
        Assert.False(Policy("not a url", "*").IsAllowed("https://anything.example/"));
    }
}
