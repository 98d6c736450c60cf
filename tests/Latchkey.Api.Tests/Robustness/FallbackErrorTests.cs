using System.Net;
using System.Text;
using Latchkey.Api.Tests.Infrastructure;
using Xunit;

namespace Latchkey.Api.Tests.Robustness;

/// <summary>
/// The answers no handler writes (unknown route, wrong method, wrong or missing content type, oversized or
/// malformed body) come in the error shape of the surface that owns the path, with the security headers.
/// </summary>
public sealed class FallbackErrorTests(LatchkeyServer server) : IClassFixture<LatchkeyServer>
{
    private readonly HttpClient _client = server.CreateClient();

    /// <summary>One JSON endpoint per surface (and a form one for OAuth), with a body it would accept.</summary>
    public static TheoryData<string> JsonEndpoints => ["/api/auth/login", "/api/v1/auth/login", "/v1/signin/email-password", "/api/oauth/register"];

    [Theory]
    [InlineData("/api/no-such-thing")]
    [InlineData("/api/admin/no-such-thing")]
    [InlineData("/api/oauth/no-such-thing")]
    [InlineData("/api/v1/auth/no-such-thing")]
    [InlineData("/v1/no-such-thing")]
    [InlineData("/.well-known/no-such-thing")]
    public async Task An_unknown_route_is_a_404_in_the_surfaces_shape(string path)
    {
        var response = await _client.GetAsync(path);
        await AssertErrorAsync(path, response, HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("/api/auth/login")]
    [InlineData("/api/oauth/token")]
    [InlineData("/api/v1/auth/login")]
    [InlineData("/v1/signin/email-password")]
    [InlineData("/.well-known/openid-configuration")]
    public async Task A_wrong_method_is_a_405_with_Allow_in_the_surfaces_shape(string path)
    {
        var response = await _client.SendAsync(new HttpRequestMessage(HttpMethod.Delete, path));
        await AssertErrorAsync(path, response, HttpStatusCode.MethodNotAllowed);
        Assert.NotEmpty(response.Content.Headers.Allow);
    }

    [Theory]
    [MemberData(nameof(JsonEndpoints))]
    public async Task A_JSON_body_without_Content_Type_is_a_415_in_the_surfaces_shape(string path)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes("{\"email\":\"a@example.com\",\"password\":\"x\"}"));
        var response = await _client.PostAsync(path, content);
        await AssertErrorAsync(path, response, HttpStatusCode.UnsupportedMediaType);
    }

    [Theory]
    [MemberData(nameof(JsonEndpoints))]
    public async Task A_JSON_body_as_text_plain_is_a_415_in_the_surfaces_shape(string path)
    {
        var response = await _client.PostRawAsync(path, "{}", "text/plain");
        await AssertErrorAsync(path, response, HttpStatusCode.UnsupportedMediaType);
    }

    [Theory]
    [MemberData(nameof(JsonEndpoints))]
    public async Task A_bogus_charset_is_a_415_in_the_surfaces_shape(string path)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes("{\"email\":\"a@example.com\",\"password\":\"x\"}"));
        content.Headers.TryAddWithoutValidation("Content-Type", "application/json; charset=bogus");
        var response = await _client.PostAsync(path, content);
        await AssertErrorAsync(path, response, HttpStatusCode.UnsupportedMediaType);
    }

    [Theory]
    [MemberData(nameof(JsonEndpoints))]
    public async Task An_oversized_body_is_a_413_in_the_surfaces_shape(string path)
    {
        var response = await _client.PostRawAsync(path, "{\"email\":\"" + new string('a', 70 * 1024) + "\"}");
        await AssertErrorAsync(path, response, HttpStatusCode.RequestEntityTooLarge);
    }

    [Theory]
    [MemberData(nameof(JsonEndpoints))]
    public async Task A_malformed_body_is_a_400_in_the_surfaces_shape(string path)
    {
        var response = await _client.PostRawAsync(path, "{\"email\": ");
        await AssertErrorAsync(path, response, HttpStatusCode.BadRequest);
    }

    [Theory]
    [MemberData(nameof(JsonEndpoints))]
    public async Task A_NUL_in_a_JSON_string_is_a_400_in_the_surfaces_shape(string path)
    {
        var response = await _client.PostRawAsync(path, "{\"email\":\"a\\u0000@example.com\",\"username\":\"a\\u0000b\",\"password\":\"x\"}");
        await AssertErrorAsync(path, response, HttpStatusCode.BadRequest);
    }

    [Theory]
    [MemberData(nameof(JsonEndpoints))]
    public async Task A_body_of_many_buffer_segments_is_checked_whole(string path)
    {
        // 40 KB arrive in several of Kestrel's buffer segments: a NUL near the end is found, and the two bytes
        // of an é split between segments are judged together, not as invalid UTF-8.
        var padding = new string('é', 20 * 1024);
        var withNul = await _client.PostRawAsync(path, $"{{\"username\":\"{padding}\",\"email\":\"a\\u0000@example.com\",\"password\":\"x\"}}");
        await AssertErrorAsync(path, withNul, HttpStatusCode.BadRequest);
        Assert.Contains("control character", await withNul.Content.ReadAsStringAsync());
        var clean = await _client.PostRawAsync(path, $"{{\"username\":\"{padding}\",\"email\":\"a@example.com\",\"password\":\"x\"}}");
        Assert.DoesNotContain("UTF-8", await clean.Content.ReadAsStringAsync());
        Assert.NotEqual(HttpStatusCode.RequestEntityTooLarge, clean.StatusCode);
    }

    [Fact]
    public async Task Token_bearing_answers_of_every_surface_are_not_stored()
    {
        var email = await _client.RegisterAsync();
        var answers = new[]
        {
            ("/v1/signin/email-password", await _client.PostJsonAsync("/v1/signin/email-password", new { email, password = Accounts.Password })),
            ("/v1/token", await _client.PostJsonAsync("/v1/token", new { refreshToken = Guid.NewGuid().ToString() })),
            ("/v1/user", await _client.GetAsync("/v1/user")),
            ("/api/v1/auth/login", await _client.PostJsonAsync("/api/v1/auth/login", new { username = email, password = Accounts.Password })),
            ("/api/auth/login", await _client.PostJsonAsync("/api/auth/login", new { email, password = Accounts.Password })),
            ("/api/oauth/token", await _client.PostAsync("/api/oauth/token", new FormUrlEncodedContent([new("grant_type", "password")]))),
        };
        foreach (var (path, response) in answers)
        {
            Assert.True(response.Headers.CacheControl?.NoStore == true, $"{path} ({(int)response.StatusCode}) lacks Cache-Control: no-store");
            Assert.Contains("no-cache", response.Headers.Pragma.Select(p => p.Name));
        }
        Assert.Equal(HttpStatusCode.OK, answers[0].Item2.StatusCode);
    }

    [Fact]
    public async Task Discovery_stays_cacheable()
    {
        var response = await _client.GetAsync("/.well-known/openid-configuration");
        Assert.False(response.Headers.CacheControl?.NoStore ?? false);
    }

    private static async Task AssertErrorAsync(string path, HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"{path}: expected {(int)status}, got {(int)response.StatusCode} {body}");
        SurfaceShapes.AssertShape(path, (int)status, body);
        SecurityHeaders.AssertPresent(path, response);
    }
}
