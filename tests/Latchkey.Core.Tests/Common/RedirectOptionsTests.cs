using Latchkey.Core.Common;
using Xunit;

namespace Latchkey.Core.Tests.Common;

public sealed class RedirectOptionsTests
{
    private static readonly RedirectOptions Options = new() { AllowedUrls = ["https://app.example.com/welcome"] };

    [Theory]
    [InlineData("https://app.example.com/welcome", true)]
    [InlineData("https://APP.example.com/welcome", true)]
    [InlineData("https://app.example.com/welcome/evil", false)]
    [InlineData("https://app.example.com/welcome?next=https://evil.example", false)]
    [InlineData("https://app.example.com.evil.example/welcome", false)]
    [InlineData("http://app.example.com/welcome", false)]
    [InlineData("javascript:alert(1)", false)]
    [InlineData("/welcome", false)]
    [InlineData(null, false)]
    public void Only_exact_matches_are_allowed(string? url, bool allowed) => Assert.Equal(allowed, Options.IsAllowed(url));
}
