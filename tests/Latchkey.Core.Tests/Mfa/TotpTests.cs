using System.Text;
using Latchkey.Core.Mfa;

namespace Latchkey.Core.Tests.Mfa;

public sealed class TotpTests
{
    // RFC 6238 Appendix B: the seeds are the ASCII strings below, 8-digit codes.
    private static readonly byte[] Sha1Key = Encoding.ASCII.GetBytes("12345678901234567890");
    private static readonly byte[] Sha256Key = Encoding.ASCII.GetBytes("12345678901234567890123456789012");
    private static readonly byte[] Sha512Key = Encoding.ASCII.GetBytes("1234567890123456789012345678901234567890123456789012345678901234");

    [Theory]
    [InlineData(59L, "94287082", "46119246", "90693936")]
    [InlineData(1111111109L, "07081804", "68084774", "25091201")]
    [InlineData(1111111111L, "14050471", "67062674", "99943326")]
    [InlineData(1234567890L, "89005924", "91819424", "93441116")]
    [InlineData(2000000000L, "69279037", "90698825", "38618901")]
    [InlineData(20000000000L, "65353130", "77737706", "47863826")]
    public void Matches_the_RFC_6238_test_vectors(long unixSeconds, string sha1, string sha256, string sha512)
    {
        var step = Totp.TimeStep(DateTimeOffset.FromUnixTimeSeconds(unixSeconds));
        Assert.Equal(sha1, Totp.Compute(Sha1Key, step, 8, "SHA1"));
        Assert.Equal(sha256, Totp.Compute(Sha256Key, step, 8, "SHA256"));
        Assert.Equal(sha512, Totp.Compute(Sha512Key, step, 8, "SHA512"));
    }

    [Fact]
    public void Six_digit_codes_are_the_last_six_digits_of_the_truncation()
    {
        var step = Totp.TimeStep(DateTimeOffset.FromUnixTimeSeconds(59));
        Assert.Equal("287082", Totp.Compute(Sha1Key, step));
    }

    [Fact]
    public void Accepts_one_step_of_drift_either_way_and_no_more()
    {
        var now = DateTimeOffset.FromUnixTimeSeconds(1_700_000_010);
        var step = Totp.TimeStep(now);
        Assert.Equal(step - 1, Totp.Match(Sha1Key, Totp.Compute(Sha1Key, step - 1), now, null));
        Assert.Equal(step, Totp.Match(Sha1Key, Totp.Compute(Sha1Key, step), now, null));
        Assert.Equal(step + 1, Totp.Match(Sha1Key, Totp.Compute(Sha1Key, step + 1), now, null));
        Assert.Null(Totp.Match(Sha1Key, Totp.Compute(Sha1Key, step - 2), now, null));
        Assert.Null(Totp.Match(Sha1Key, Totp.Compute(Sha1Key, step + 2), now, null));
    }

    [Fact]
    public void A_used_step_and_older_ones_are_refused()
    {
        var now = DateTimeOffset.FromUnixTimeSeconds(1_700_000_010);
        var step = Totp.TimeStep(now);
        var code = Totp.Compute(Sha1Key, step);
        Assert.Null(Totp.Match(Sha1Key, code, now, lastUsedStep: step));
        Assert.Null(Totp.Match(Sha1Key, Totp.Compute(Sha1Key, step - 1), now, lastUsedStep: step));
        Assert.Equal(step + 1, Totp.Match(Sha1Key, Totp.Compute(Sha1Key, step + 1), now, lastUsedStep: step));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("12345")]
    [InlineData("1234567")]
    [InlineData("12a456")]
    [InlineData("１２３４５６")]
    public void Malformed_codes_never_match(string? code) =>
        Assert.Null(Totp.Match(Sha1Key, code, DateTimeOffset.UtcNow, null));

    [Theory]
    [InlineData("", "")]
    [InlineData("f", "MY")]
    [InlineData("fo", "MZXQ")]
    [InlineData("foo", "MZXW6")]
    [InlineData("foob", "MZXW6YQ")]
    [InlineData("fooba", "MZXW6YTB")]
    [InlineData("foobar", "MZXW6YTBOI")]
    public void Base32_matches_RFC_4648_without_padding(string input, string expected) =>
        Assert.Equal(expected, Base32.Encode(Encoding.ASCII.GetBytes(input)));
}
