using System.Net;
using Latchkey.Api.Tests.Infrastructure;
using Latchkey.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Latchkey.Api.Tests.Platform;

public sealed class RegistrationTests(LatchkeyServer server) : IClassFixture<LatchkeyServer>
{
    private readonly HttpClient _client = server.CreateClient();

    [Fact]
    public async Task Register_creates_the_account_and_returns_201_with_the_user()
    {
        var email = Accounts.NewEmail();
        var response = await _client.PostJsonAsync("/api/auth/register", new { email, password = Accounts.Password, firstName = "Ada", lastName = "Lovelace" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.JsonAsync();
        Assert.True(body.GetProperty("success").GetBoolean());
        var user = body.GetProperty("user");
        Assert.Equal(email, user.Str("email"));
        Assert.Equal("Ada", user.Str("firstName"));
        Assert.Equal("Ada Lovelace", user.Str("name"));
        Assert.Equal("user", user.Str("role"));
        Assert.False(user.GetProperty("emailVerified").GetBoolean());
        Assert.False(body.GetRawText().Contains("argon2", StringComparison.OrdinalIgnoreCase), "the hash must never leave the server");
    }

    [Fact]
    public async Task Duplicate_email_is_409_in_the_platform_shape_whatever_its_case()
    {
        var email = await _client.RegisterAsync();
        var response = await _client.PostJsonAsync("/api/auth/register", new { email = email.ToUpperInvariant(), password = Accounts.Password });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var body = await response.JsonAsync();
        Assert.False(body.GetProperty("success").GetBoolean());
        Assert.Equal("email_taken", body.Str("code"));
        Assert.False(string.IsNullOrEmpty(body.Str("error")));
    }

    [Theory]
    [InlineData("short1!", "weak_password")]
    [InlineData("password123", "weak_password")]
    [InlineData("aaaaaaaaaaaa", "weak_password")]
    public async Task Weak_passwords_are_refused_with_400(string password, string code)
    {
        var email = Accounts.NewEmail();
        var response = await _client.PostJsonAsync("/api/auth/register", new { email, password });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(code, (await response.JsonAsync()).Str("code"));
        Assert.False(await UserExistsAsync(email));
    }

    [Fact]
    public async Task A_64_character_passphrase_is_accepted()
    {
        var password = "the quick brown fox jumps over the lazy dog while 7 owls sing loud";
        Assert.True(password.Length >= 64);
        var response = await _client.PostJsonAsync("/api/auth/register", new { email = Accounts.NewEmail(), password });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Theory]
    [InlineData("not-an-email")]
    [InlineData("two@@example.com")]
    [InlineData("")]
    public async Task Invalid_email_is_400_validation_error(string email)
    {
        var response = await _client.PostJsonAsync("/api/auth/register", new { email, password = Accounts.Password });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("validation_error", (await response.JsonAsync()).Str("code"));
    }

    [Theory]
    [InlineData("{\"email\": \"x@example.com\", \"password\": ")]
    [InlineData("not json at all")]
    [InlineData("{\"email\": 12, \"password\": true}")]
    [InlineData("")]
    public async Task Malformed_json_is_400_in_the_platform_shape(string raw)
    {
        var response = await _client.PostRawAsync("/api/auth/register", raw);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.JsonAsync();
        Assert.False(body.GetProperty("success").GetBoolean());
        Assert.Equal("invalid_request", body.Str("code"));
        Assert.DoesNotContain("   at ", body.GetRawText());
    }

    [Fact]
    public async Task Oversized_body_is_413_and_creates_nothing()
    {
        var email = Accounts.NewEmail();
        var response = await _client.PostJsonAsync("/api/auth/register", new { email, password = Accounts.Password, firstName = new string('a', 200_000) });

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("payload_too_large", (await response.JsonAsync()).Str("code"));
        Assert.False(await UserExistsAsync(email));
    }

    [Fact]
    public async Task Overlong_name_is_400_and_creates_nothing()
    {
        var email = Accounts.NewEmail();
        var response = await _client.PostJsonAsync("/api/auth/register", new { email, password = Accounts.Password, firstName = new string('a', 101) });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(await UserExistsAsync(email));
    }

    [Fact]
    public async Task Non_json_content_type_is_a_4xx_in_the_platform_shape()
    {
        var response = await _client.PostRawAsync("/api/auth/register", "email=a@b.c", "application/x-www-form-urlencoded");
        Assert.InRange((int)response.StatusCode, 400, 499);
        Assert.False((await response.JsonAsync()).GetProperty("success").GetBoolean());
    }

    [Fact]
    public async Task Unknown_api_path_is_404_in_the_platform_shape()
    {
        var response = await _client.GetAsync("/api/no-such-thing");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("not_found", (await response.JsonAsync()).Str("code"));
    }

    private async Task<bool> UserExistsAsync(string email)
    {
        await using var scope = server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LatchkeyDbContext>();
        return await db.Users.AnyAsync(u => u.NormalizedEmail == email.ToUpperInvariant());
    }
}
