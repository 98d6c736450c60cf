using Latchkey.Core.Users;
using Xunit;

namespace Latchkey.Core.Tests.Users;

public sealed class UserNormalizerTests
{
    [Theory]
    [InlineData("ada@example.com")]
    [InlineData("first.last+tag@sub.example.co.uk")]
    [InlineData("  padded@example.com  ")]
    public void Accepts_ordinary_addresses(string email) => Assert.True(UserNormalizer.IsValidEmail(email));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("plain")]
    [InlineData("@example.com")]
    [InlineData("ada@")]
    [InlineData("ada@localhost")]
    [InlineData("a@@example.com")]
    [InlineData("ada@example.com.")]
    [InlineData("ada lovelace@example.com")]
    [InlineData("ada@exa\nmple.com")]
    [InlineData("Ada <ada@example.com>")]
    public void Refuses_what_is_not_a_single_routable_address(string? email) => Assert.False(UserNormalizer.IsValidEmail(email));

    [Fact]
    public void Refuses_addresses_longer_than_RFC_5321_allows() =>
        Assert.False(UserNormalizer.IsValidEmail(new string('a', 250) + "@example.com"));

    [Fact]
    public void Normalizes_case_and_surrounding_space_so_one_address_is_one_account() =>
        Assert.Equal(UserNormalizer.NormalizeEmail("Ada@Example.COM"), UserNormalizer.NormalizeEmail("  ada@example.com "));
}
