using System.Text.Json;
using Latchkey.Core.Social;

namespace Latchkey.Core.Tests.Social;

/// <summary>Each built-in provider's profile JSON (shapes from their API documentation) and whether its email counts as verified.</summary>
public sealed class ProfileMappingTests
{
    private static UpstreamProfile Map(string provider, string json) =>
        ProviderCatalog.BuiltIn[provider].MapProfile(JsonDocument.Parse(json).RootElement);

    [Fact]
    public void Google_and_apple_read_standard_claims_with_string_or_bool_email_verified()
    {
        var google = Map("google", """{"sub":"1","email":"a@x.com","email_verified":true,"given_name":"Ada","family_name":"L","picture":"https://p"}""");
        Assert.Equal(("1", "a@x.com", true, "Ada", "L"), (google.Subject, google.Email, google.EmailVerified, google.FirstName, google.LastName));
        Assert.True(Map("apple", """{"sub":"001.abc","email":"r@privaterelay.appleid.com","email_verified":"true"}""").EmailVerified);
        Assert.False(Map("apple", """{"sub":"001.abc","email":"r@x.com","email_verified":"false"}""").EmailVerified);
    }

    [Fact]
    public void Microsoft_vouches_only_with_xms_edov()
    {
        Assert.False(Map("microsoft", """{"sub":"s","email":"a@x.com","email_verified":true}""").EmailVerified);
        Assert.True(Map("microsoft", """{"sub":"s","email":"a@x.com","xms_edov":true}""").EmailVerified);
    }

    [Fact]
    public void GitHub_and_bitbucket_take_the_primary_address_from_the_email_list()
    {
        var github = ProviderCatalog.BuiltIn["github"].MapEmails!(JsonDocument.Parse(
            """[{"email":"old@x.com","primary":false,"verified":true},{"email":"me@x.com","primary":true,"verified":false}]""").RootElement);
        Assert.Equal(("me@x.com", false), github);
        var bitbucket = ProviderCatalog.BuiltIn["bitbucket"].MapEmails!(JsonDocument.Parse(
            """{"values":[{"email":"me@x.com","is_primary":true,"is_confirmed":true}]}""").RootElement);
        Assert.Equal(("me@x.com", true), bitbucket);
        Assert.Equal("42", Map("github", """{"id":42,"login":"octo","name":null}""").Subject);
        Assert.Equal("octo", Map("github", """{"id":42,"login":"octo","name":null}""").DisplayName);
    }

    [Fact]
    public void Discord_twitch_spotify_facebook_x_workos_strava()
    {
        var discord = Map("discord", """{"id":"80","username":"nelly","global_name":"Nelly","avatar":"8342","email":"n@x.com","verified":true}""");
        Assert.Equal(("80", true, "https://cdn.discordapp.com/avatars/80/8342.png"), (discord.Subject, discord.EmailVerified, discord.AvatarUrl));
        var twitch = Map("twitch", """{"data":[{"id":"141","login":"dallas","display_name":"Dallas","email":"d@x.com"}]}""");
        Assert.Equal(("141", "d@x.com", false), (twitch.Subject, twitch.Email, twitch.EmailVerified));
        Assert.False(Map("spotify", """{"id":"wizz","email":"w@x.com","images":[{"url":"https://i"}]}""").EmailVerified);
        Assert.False(Map("facebook", """{"id":"10","email":"f@x.com","name":"F B"}""").EmailVerified);
        var x = Map("x", """{"data":{"id":"2244","name":"X","username":"x","confirmed_email":"x@x.com"}}""");
        Assert.Equal(("2244", "x@x.com", true), (x.Subject, x.Email, x.EmailVerified));
        var workos = Map("workos", """{"id":"user_01","email":"w@x.com","email_verified":true,"first_name":"Wo"}""");
        Assert.Equal(("user_01", true, "Wo"), (workos.Subject, workos.EmailVerified, workos.FirstName));
        var strava = Map("strava", """{"id":1234567890987654321,"firstname":"Marianne"}""");
        Assert.Equal(("1234567890987654321", null), (strava.Subject, strava.Email));
    }

    [Fact]
    public void A_profile_without_an_id_is_an_upstream_problem() =>
        Assert.Throws<UpstreamProfileException>(() => Map("discord", """{"username":"x"}"""));

    [Fact]
    public void Apples_first_sign_in_user_field_supplies_the_name_only()
    {
        var profile = new UpstreamProfile("s", "a@x.com", true);
        var named = AppleFirstSignIn.WithName(profile, """{"name":{"firstName":"Ada","lastName":"Lovelace"},"email":"evil@x.com"}""");
        Assert.Equal(("Ada", "Lovelace", "a@x.com"), (named.FirstName, named.LastName, named.Email));
        Assert.Same(profile, AppleFirstSignIn.WithName(profile, "{not json"));
    }
}
