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

    [Theory]
    [InlineData("аdmin@example.com")]          // Cyrillic а in the local part: undeliverable without SMTPUTF8
    [InlineData("ada@exämple.com")]            // Unicode domain: only its xn-- form is accepted
    [InlineData("\"quoted\"@example.com")]
    [InlineData(".ada@example.com")]
    [InlineData("a..da@example.com")]
    [InlineData("ada(comment)@example.com")]
    [InlineData("ada@-example.com")]
    [InlineData("ada@example.123")]
    [InlineData("ada@xn--invalid-punycode-.com")]
    public void Refuses_addresses_the_server_cannot_deliver(string email) => Assert.False(UserNormalizer.IsValidEmail(email));

    [Theory]
    [InlineData("exаmple.com")]   // one Cyrillic а among Latin letters
    [InlineData("аррӏе.com")]     // all Cyrillic, drawn as "apple"
    [InlineData("gοοgle.com")]    // Greek omicrons
    public void Refuses_punycode_domains_that_pass_for_an_ascii_one(string unicodeDomain)
    {
        var ascii = new System.Globalization.IdnMapping().GetAscii(unicodeDomain);
        Assert.StartsWith("xn--", ascii);
        Assert.False(UserNormalizer.IsValidEmail("admin@" + ascii));
    }

    [Theory]
    [InlineData("bücher.de")]
    [InlineData("пример.рф")]
    public void Accepts_genuine_internationalised_domains_in_their_ascii_form(string unicodeDomain) =>
        Assert.True(UserNormalizer.IsValidEmail("ada@" + new System.Globalization.IdnMapping().GetAscii(unicodeDomain)));
}
