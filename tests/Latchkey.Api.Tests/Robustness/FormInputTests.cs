using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Latchkey.Api.Tests.Infrastructure;
using Xunit;

namespace Latchkey.Api.Tests.Robustness;

/// <summary>
/// Malformed form input on the OAuth form routes, without signing in (issue 22 item 6): a 4xx in the RFC 6749
/// shape, never a 500, on both databases.
/// </summary>
public sealed class FormInputTests(LatchkeyServer server) : IClassFixture<LatchkeyServer>
{
    private readonly HttpClient _client = server.CreateClient();

    public static TheoryData<string> FormRoutes =>
        ["/api/oauth/token", "/api/oauth/introspect", "/api/oauth/revoke", "/api/oauth/device", "/api/oauth/device/verify", "/api/oauth/authorize/consent"];

    [Theory]
    [MemberData(nameof(FormRoutes))]
    public async Task A_NUL_in_a_form_value_is_a_400(string path) =>
        await AssertRefusedAsync(path, await PostFormAsync(path, "grant_type=a%00b&client_id=x%00y&user_code=a%00"), HttpStatusCode.BadRequest);

    [Theory]
    [MemberData(nameof(FormRoutes))]
    public async Task A_form_key_over_2048_characters_is_a_400(string path) =>
        await AssertRefusedAsync(path, await PostFormAsync(path, new string('k', 3000) + "=v"), HttpStatusCode.BadRequest);

    [Theory]
    [MemberData(nameof(FormRoutes))]
    public async Task A_form_over_64_KiB_is_a_413(string path) =>
        await AssertRefusedAsync(path, await PostFormAsync(path, "grant_type=" + new string('a', 70 * 1024)), HttpStatusCode.RequestEntityTooLarge);

    [Fact]
    public async Task A_NUL_in_Basic_client_credentials_is_a_4xx()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/oauth/token")
        {
            Content = new FormUrlEncodedContent([new("grant_type", "client_credentials")]),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("cli%00ent:sec\0ret")));
        await AssertRefusedAsync("/api/oauth/token", await _client.SendAsync(request), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_NUL_in_a_query_client_id_is_a_4xx()
    {
        var path = "/api/oauth/authorize?client_id=a%00b&response_type=code&redirect_uri=https%3A%2F%2Fx.test%2Fcb";
        await AssertRefusedAsync("/api/oauth/authorize", await _client.GetAsync(path), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_form_with_a_bogus_charset_is_a_415()
    {
        var content = new StringContent("grant_type=client_credentials", Encoding.UTF8);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/x-www-form-urlencoded; charset=bogus");
        await AssertRefusedAsync("/api/oauth/token", await _client.PostAsync("/api/oauth/token", content), HttpStatusCode.UnsupportedMediaType);
    }

    private Task<HttpResponseMessage> PostFormAsync(string path, string form) =>
        _client.PostAsync(path, new StringContent(form, Encoding.UTF8, "application/x-www-form-urlencoded"));

    private static async Task AssertRefusedAsync(string path, HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"{path}: expected {(int)status}, got {(int)response.StatusCode} {body}");
        SurfaceShapes.AssertShape(path, (int)status, body);
        SecurityHeaders.AssertPresent(path, response);
    }
}
