using Xunit;

namespace Latchkey.Api.Tests.Robustness;

public static class SecurityHeaders
{
    /// <summary>The headers every answer carries, error answers included.</summary>
    public static void AssertPresent(string path, HttpResponseMessage response)
    {
        Assert.True(response.Headers.TryGetValues("X-Content-Type-Options", out var nosniff) && nosniff.Single() == "nosniff",
            $"{path} ({(int)response.StatusCode}) lacks X-Content-Type-Options");
        Assert.True(response.Headers.TryGetValues("X-Frame-Options", out var frame) && frame.Single() == "DENY",
            $"{path} ({(int)response.StatusCode}) lacks X-Frame-Options");
        Assert.True(response.Headers.TryGetValues("Referrer-Policy", out _), $"{path} ({(int)response.StatusCode}) lacks Referrer-Policy");
    }
}
