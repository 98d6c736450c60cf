using System.Security.Cryptography;
using System.Text;
using Latchkey.Core.Social;

namespace Latchkey.Core.Tests.Social;

public sealed class NonceTests
{
    private static string Hashed(string raw) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(raw)));

    [Theory]
    [InlineData("abc", "abc", true)]
    [InlineData("abc", "abd", false)]
    [InlineData(null, null, true)]
    [InlineData("abc", null, false)]
    [InlineData(null, "abc", false)]
    public void Raw_nonces_must_match_both_ways(string? inToken, string? given, bool expected) =>
        Assert.Equal(expected, UpstreamIdTokenValidator.NonceMatches(inToken, given));

    [Fact]
    public void The_sha256_hex_of_the_given_nonce_matches_as_apple_and_google_sdks_send_it()
    {
        Assert.True(UpstreamIdTokenValidator.NonceMatches(Hashed("raw"), "raw"));
        Assert.False(UpstreamIdTokenValidator.NonceMatches(Hashed("raw"), "other"));
        // Not the other way round: knowing the hash in the token does not let a caller pass it off as raw.
        Assert.False(UpstreamIdTokenValidator.NonceMatches("raw", Hashed("raw")));
    }
}
