using Latchkey.Core.Mfa;

namespace Latchkey.Core.Tests.Mfa;

public sealed class RecoveryCodesTests
{
    [Fact]
    public void Generates_ten_distinct_codes_in_the_documented_shape()
    {
        var codes = RecoveryCodes.Generate();
        Assert.Equal(RecoveryCodes.Count, codes.Count);
        Assert.Equal(codes.Count, codes.Distinct().Count());
        Assert.All(codes, code => Assert.Matches("^[A-HJKMNP-Z2-9]{5}-[A-HJKMNP-Z2-9]{5}$", code));
    }

    [Fact]
    public void Hash_ignores_case_spaces_and_dashes()
    {
        var expected = RecoveryCodes.Hash("ABCDE-FGHJK");
        Assert.Equal(expected, RecoveryCodes.Hash("abcde fghjk"));
        Assert.Equal(expected, RecoveryCodes.Hash("ABCDEFGHJK"));
        Assert.NotEqual(expected, RecoveryCodes.Hash("ABCDE-FGHJM"));
    }

    [Theory]
    [InlineData("ABCDE-FGHJK", true)]
    [InlineData("abcdefghjk", true)]
    [InlineData("123456", false)]
    [InlineData("ABCDE-FGHJK-LMNPQ", false)]
    [InlineData(null, false)]
    public void Tells_recovery_codes_from_totp_codes(string? code, bool expected) =>
        Assert.Equal(expected, RecoveryCodes.LooksLikeCode(code));
}
