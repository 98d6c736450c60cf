using System.Net;
using System.Text.Json;
using Latchkey.Api.Tests.Admin;
using Latchkey.Api.Tests.Infrastructure;
using Latchkey.Api.Tests.OAuth;
using Xunit;

namespace Latchkey.Api.Tests.Account;

/// <summary><c>GET/PUT /api/user/profile</c>: the seed's OIDC claims, each validated, and the same values on every surface.</summary>
public sealed class ProfileTests(AccountServer server) : IClassFixture<AccountServer>
{
    private static readonly object FullProfile = new
    {
        username = "ada.lovelace",
        display_name = "Countess Ada",
        bio = "Wrote the first program.",
        date_of_birth = "1985-12-10",
        gender = "female",
        company = "Analytical Engines Ltd",
        job_title = "Programmer",
        website = "https://ada.example.org/",
        location = "London",
        address = new { street_address = "12 St James's Square", locality = "London", postal_code = "SW1Y 4JH", country = "GB" },
        locale = "fr",
        social_links = new Dictionary<string, string> { ["github"] = "https://github.com/ada" },
        timezone = "Europe/London",
    };

    /// <summary>The full profile with a username of its own (the server is shared by the class's tests).</summary>
    private static System.Text.Json.Nodes.JsonObject UniqueProfile()
    {
        var body = JsonSerializer.SerializeToNode(FullProfile)!.AsObject();
        body["username"] = $"ada.{Guid.NewGuid():N}"[..20];
        return body;
    }

    private static Task<HttpResponseMessage> PutAsync(HttpClient client, object body, string? bearer = null) =>
        client.SendAsync(HttpMethod.Put, "/api/user/profile", bearer, body);

    [Fact]
    public async Task A_new_account_has_its_sign_up_names_and_empty_claims()
    {
        var (client, email) = await server.SignedInAsync();
        var profile = (await (await client.GetAsync("/api/user/profile")).OkAsync()).GetProperty("profile");
        Assert.Equal(email, profile.Str("email"));
        Assert.Equal("Ada", profile.Str("first_name"));
        Assert.Equal("Ada Lovelace", profile.Str("name"));
        Assert.Equal("en", profile.Str("locale"));
        Assert.Equal(JsonValueKind.Null, profile.GetProperty("username").ValueKind);
        Assert.Equal(JsonValueKind.Null, profile.GetProperty("address").ValueKind);
        Assert.Empty(profile.GetProperty("social_links").EnumerateObject());
        Assert.Equal(HttpStatusCode.Unauthorized, (await server.CreateClient().GetAsync("/api/user/profile")).StatusCode);
    }

    [Fact]
    public async Task Every_claim_is_saved_returned_and_cleared_with_an_empty_string()
    {
        var (client, _) = await server.SignedInAsync();
        var body = UniqueProfile();
        var username = (string)body["username"]!;
        var saved = (await (await PutAsync(client, body)).OkAsync()).GetProperty("profile");
        var read = (await (await client.GetAsync("/api/user/profile")).OkAsync()).GetProperty("profile");
        foreach (var profile in new[] { saved, read })
        {
            Assert.Equal(username, profile.Str("username"));
            Assert.Equal("Countess Ada", profile.Str("display_name"));
            Assert.Equal("Countess Ada", profile.Str("name"));
            Assert.Equal("1985-12-10", profile.Str("date_of_birth"));
            Assert.Equal("https://ada.example.org/", profile.Str("website"));
            Assert.Equal("SW1Y 4JH", profile.GetProperty("address").Str("postal_code"));
            Assert.Equal("https://github.com/ada", profile.GetProperty("social_links").Str("github"));
            Assert.Equal("Europe/London", profile.Str("timezone"));
            Assert.Equal("fr", profile.Str("locale"));
            Assert.Equal("Analytical Engines Ltd", profile.Str("company"));
        }

        // Absent fields stay; "" clears; an empty address or link set clears them.
        var cleared = (await (await PutAsync(client, new { company = "", address = new { }, social_links = new { } })).OkAsync()).GetProperty("profile");
        Assert.Equal(JsonValueKind.Null, cleared.GetProperty("company").ValueKind);
        Assert.Equal(JsonValueKind.Null, cleared.GetProperty("address").ValueKind);
        Assert.Empty(cleared.GetProperty("social_links").EnumerateObject());
        Assert.Equal("Programmer", cleared.Str("job_title"));
        Assert.Equal(username, cleared.Str("username"));
    }

    public static TheoryData<string, string> InvalidFields() => new()
    {
        { """{"username":"ab"}""", "username" },
        { """{"username":"no spaces here"}""", "username" },
        { """{"display_name":"<script>alert(1)</script>"}""", "display_name" },
        { """{"date_of_birth":"2001-02-30"}""", "date_of_birth" },
        { """{"date_of_birth":"10/12/1815"}""", "date_of_birth" },
        { """{"date_of_birth":"2999-01-01"}""", "date_of_birth" },
        { """{"date_of_birth":"1700-01-01"}""", "date_of_birth" },
        { """{"website":"javascript:alert(1)"}""", "website" },
        { """{"website":"ftp://files.example.org"}""", "website" },
        { """{"website":"https://user:pass@example.org"}""", "website" },
        { """{"timezone":"Mars/Olympus_Mons"}""", "timezone" },
        { """{"timezone":"Local"}""", "timezone" },
        { """{"locale":"de"}""", "locale" },
        { """{"social_links":{"GitHub":"https://github.com/x"}}""", "social_links" },
        { """{"social_links":{"github":"not a url"}}""", "social_links.github" },
        { """{"bio":"BIO"}""".Replace("BIO", new string('x', 501)), "bio" },
        { """{"address":{"postal_code":"PC"}}""".Replace("PC", new string('9', 21)), "address.postal_code" },
        { """{"company":"C"}""".Replace("C", new string('c', 101)), "company" },
    };

    [Theory]
    [MemberData(nameof(InvalidFields))]
    public async Task An_invalid_field_is_a_400_naming_it_and_changes_nothing(string body, string field)
    {
        var (client, _) = await server.SignedInAsync();
        await (await PutAsync(client, new { company = "Before", bio = "Before" })).OkAsync();
        var request = new HttpRequestMessage(HttpMethod.Put, "/api/user/profile") { Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json") };
        var error = await (await client.SendAsync(request)).FailsAsync(HttpStatusCode.BadRequest, "validation_error");
        Assert.True(error.GetProperty("details").TryGetProperty(field, out _), error.ToString());
        var profile = (await (await client.GetAsync("/api/user/profile")).OkAsync()).GetProperty("profile");
        Assert.Equal(("Before", "Before"), (profile.Str("company"), profile.Str("bio")));
    }

    [Fact]
    public async Task Malformed_or_mistyped_json_is_a_400_in_the_platform_shape()
    {
        var (client, _) = await server.SignedInAsync();
        foreach (var body in new[] { "{\"bio\": ", "[1,2]", "{\"address\": \"Main Street\"}", "{\"social_links\": [\"x\"]}", "{\"bio\": 42}" })
        {
            var request = new HttpRequestMessage(HttpMethod.Put, "/api/user/profile") { Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json") };
            var response = await client.SendAsync(request);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var json = await response.JsonAsync();
            Assert.False(json.GetProperty("success").GetBoolean());
        }
    }

    [Fact]
    public async Task A_username_belongs_to_one_account_whatever_its_case()
    {
        var (first, _) = await server.SignedInAsync();
        var (second, _) = await server.SignedInAsync();
        var username = $"grace.{Guid.NewGuid():N}"[..20];
        await (await PutAsync(first, new { username })).OkAsync();
        var taken = await (await PutAsync(second, new { username = username.ToUpperInvariant() })).FailsAsync(HttpStatusCode.Conflict, "conflict");
        Assert.True(taken.GetProperty("details").TryGetProperty("username", out _));
        // Setting one's own username again is not a conflict.
        await (await PutAsync(first, new { username })).OkAsync();
    }

    [Fact]
    public async Task The_profile_feeds_the_oidc_userinfo_claims_by_scope()
    {
        var oauthClient = await server.CreateClientAsync(extra: new { scopes = new[] { "openid", "profile", "email", "address", "phone" } });
        var (browser, _) = await server.SignedInBrowserAsync();
        await (await PutAsync(browser, UniqueProfile())).OkAsync();

        var pkce = Pkce.New();
        var code = await browser.CodeAsync(oauthClient, pkce, "openid profile address phone");
        var tokens = await (await server.ExchangeAsync(oauthClient, code, pkce)).OkJsonAsync();
        var info = await (await server.CreateClient().GetAsync("/api/oauth/userinfo", tokens.Str("access_token"))).OkJsonAsync();
        Assert.Equal("1985-12-10", info.Str("birthdate"));
        Assert.Equal("Europe/London", info.Str("zoneinfo"));
        Assert.Equal("https://ada.example.org/", info.Str("website"));
        Assert.Equal("female", info.Str("gender"));
        Assert.Equal("fr", info.Str("locale"));
        Assert.Equal("Countess Ada", info.Str("name"));
        Assert.Equal("London", info.GetProperty("address").Str("locality"));
        Assert.False(info.TryGetProperty("email", out _));
        Assert.False(info.TryGetProperty("phone_number", out _)); // the phone scope, but no verified phone

        // The id token carries the same claims, from the same core (decision 58 revisited): each one, with its JSON shape.
        var id = IdTokenPayload(tokens.Str("id_token"));
        foreach (var claim in info.EnumerateObject().Where(c => c.Name != "address"))
            Assert.True(id.TryGetProperty(claim.Name, out var value) && value.GetRawText() == claim.Value.GetRawText(), $"id token {claim.Name}");
        // The address object member by member (the two writers may order or escape it differently).
        foreach (var member in info.GetProperty("address").EnumerateObject().Where(m => m.Value.ValueKind == System.Text.Json.JsonValueKind.String))
            Assert.Equal(member.Value.GetString(), id.GetProperty("address").Str(member.Name));
        // Only the members OIDC Core §5.1.1 defines, in both (no serialised helper property such as IsEmpty).
        string[] addressMembers = ["formatted", "street_address", "locality", "region", "postal_code", "country"];
        foreach (var address in new[] { info.GetProperty("address"), id.GetProperty("address") })
            Assert.All(address.EnumerateObject(), m => Assert.Contains(m.Name, addressMembers));
        Assert.Equal(System.Text.Json.JsonValueKind.Number, id.GetProperty("updated_at").ValueKind);

        // Without the address scope, no address.
        var narrow = Pkce.New();
        var narrowCode = await browser.CodeAsync(oauthClient, narrow, "openid profile");
        var narrowTokens = await (await server.ExchangeAsync(oauthClient, narrowCode, narrow)).OkJsonAsync();
        var narrowInfo = await (await server.CreateClient().GetAsync("/api/oauth/userinfo", narrowTokens.Str("access_token"))).OkJsonAsync();
        Assert.False(narrowInfo.TryGetProperty("address", out _));
        Assert.Equal("1985-12-10", narrowInfo.Str("birthdate"));
        var narrowId = IdTokenPayload(narrowTokens.Str("id_token"));
        Assert.False(narrowId.TryGetProperty("address", out _));
        Assert.Equal("1985-12-10", narrowId.Str("birthdate"));
    }

    private static System.Text.Json.JsonElement IdTokenPayload(string idToken) =>
        System.Text.Json.JsonDocument.Parse(Microsoft.IdentityModel.Tokens.Base64UrlEncoder.Decode(
            new Microsoft.IdentityModel.JsonWebTokens.JsonWebToken(idToken).EncodedPayload)).RootElement;

    [Fact]
    public async Task The_nhost_user_shows_the_display_name_and_locale_set_here()
    {
        var (client, email) = await server.SignedInAsync();
        await (await PutAsync(client, new { display_name = "Ada L", locale = "fr" })).OkAsync();
        var nhost = server.CreateClient();
        var signIn = await nhost.PostJsonAsync("/v1/signin/email-password", new { email, password = Accounts.Password });
        var session = (await signIn.OkJsonAsync()).GetProperty("session");
        var user = await (await nhost.GetAsync("/v1/user", session.Str("accessToken"))).OkJsonAsync();
        Assert.Equal("Ada L", user.Str("displayName"));
        Assert.Equal("fr", user.Str("locale"));
    }
}
