using Latchkey.Core.Sessions;
using Xunit;

namespace Latchkey.Core.Tests.Sessions;

public sealed class DeviceTypesTests
{
    [Theory]
    [InlineData(null, "unknown")]
    [InlineData("", "unknown")]
    [InlineData("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/120.0", "desktop")]
    [InlineData("Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) Mobile/15E148", "mobile")]
    [InlineData("Mozilla/5.0 (Linux; Android 14; Pixel 8) Mobile Safari/537.36", "mobile")]
    [InlineData("Mozilla/5.0 (iPad; CPU OS 17_0 like Mac OS X)", "tablet")]
    [InlineData("curl/8.4.0", "api")]
    public void Classifies_user_agents(string? userAgent, string expected) => Assert.Equal(expected, DeviceTypes.FromUserAgent(userAgent));
}
