using System.Text.Json;
using Latchkey.Core.Common;
using Latchkey.Core.Users;
using Xunit;

namespace Latchkey.Core.Tests.Users;

public sealed class UserProfileTests
{
    private static readonly UserDefaultsOptions Defaults = new();

    [Fact]
    public void An_empty_request_is_valid_and_gets_the_configured_defaults()
    {
        Assert.Null(UserProfile.Validate(new ProfileRequest(), Defaults));
        var user = new User { Email = "a@example.com", NormalizedEmail = "A@EXAMPLE.COM" };
        UserProfile.Apply(user, new ProfileRequest(), Defaults);
        Assert.Equal("user", user.DefaultRole);
        Assert.Equal("user me", user.AllowedRoles);
        Assert.Equal("en", user.Locale);
    }

    [Theory]
    [InlineData(new[] { "admin" }, null, AuthErrorCodes.RoleNotAllowed)]
    [InlineData(new string[0], null, AuthErrorCodes.RoleNotAllowed)]
    [InlineData(new[] { "me" }, null, AuthErrorCodes.DefaultRoleNotAllowed)]
    [InlineData(new[] { "me" }, "user", AuthErrorCodes.DefaultRoleNotAllowed)]
    [InlineData(null, "admin", AuthErrorCodes.DefaultRoleNotAllowed)]
    [InlineData(new[] { "me" }, "me", null)]
    public void Roles_only_narrow_the_configured_ones(string[]? allowed, string? defaultRole, string? expected) =>
        Assert.Equal(expected, UserProfile.Validate(new ProfileRequest(DefaultRole: defaultRole, AllowedRoles: allowed), Defaults)?.Code);

    [Theory]
    [InlineData("Ada Lovelace", true)]
    [InlineData("Zoë O'Neil-Smith", true)]
    [InlineData("a/b", false)]
    [InlineData("javascript:x", false)]
    [InlineData("Ada & Bob", false)]
    [InlineData("", false)]
    [InlineData("abcdefghijklmnopqrstuvwxyzabcdefg", false)]
    public void Display_names_follow_the_spec_pattern(string name, bool valid) =>
        Assert.Equal(valid, UserProfile.Validate(new ProfileRequest(DisplayName: name), Defaults) is null);

    [Fact]
    public void Metadata_must_be_an_object_and_locale_an_allowed_one()
    {
        Assert.Equal(AuthErrorCodes.ValidationFailed,
            UserProfile.Validate(new ProfileRequest(Metadata: JsonDocument.Parse("[1]").RootElement), Defaults)?.Code);
        Assert.Equal(AuthErrorCodes.LocaleNotAllowed, UserProfile.Validate(new ProfileRequest(Locale: "fr"), Defaults)?.Code);
    }

    [Fact]
    public void Guests_get_only_the_anonymous_role_whatever_is_stored()
    {
        var guest = new TokenRoleSource(IsAnonymous: true, DefaultRole: "user", AllowedRoles: "user me");
        Assert.Equal(["anonymous"], UserRoles.AllowedFor(guest, Defaults));
        Assert.Equal("anonymous", UserRoles.DefaultFor(guest, Defaults));
        var member = guest with { IsAnonymous = false };
        Assert.Equal(["user", "me"], UserRoles.AllowedFor(member, Defaults));
    }
}
