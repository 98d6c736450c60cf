using Latchkey.Core.Verification;
using Xunit;

namespace Latchkey.Core.Tests.Verification;

public sealed class PhoneNumbersTests
{
    [Theory]
    [InlineData("+1 (415) 555-0123", "+14155550123")]
    [InlineData("+49.30.1234567", "+49301234567")]
    [InlineData("+441234567890123", "+441234567890123")]
    [InlineData("4155550123", null)]
    [InlineData("+0123456789", null)]
    [InlineData("+1415555012a", null)]
    [InlineData("+1234567", null)]
    [InlineData("+1234567890123456", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void Normalizes_to_E164_or_refuses(string? input, string? expected) => Assert.Equal(expected, PhoneNumbers.Normalize(input));
}
