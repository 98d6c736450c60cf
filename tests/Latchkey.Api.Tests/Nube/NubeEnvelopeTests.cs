using System.Net;
using System.Text;
using Latchkey.Api.Tests.Infrastructure;
using Xunit;

namespace Latchkey.Api.Tests.Nube;

/// <summary>
/// The Nube envelope and error shape on every kind of answer, including the ones no Nube endpoint gives
/// (unknown routes, wrong methods, malformed JSON, wrong types), and that the Nhost paths under the same
/// <c>/v1</c> keep their own shape.
/// </summary>
public sealed class NubeEnvelopeTests(NubeServer server) : IClassFixture<NubeServer>
{
    private readonly HttpClient _client = server.CreateClient();

    [Fact]
    public async Task Success_is_data_and_meta_with_a_request_id_that_is_also_the_header_and_in_the_log_line()
    {
        var (access, _, email) = await _client.NubeUserAsync();
        var response = await _client.GetAsync("/v1/users/me", access);
        var data = await response.NubeDataAsync();
        Assert.Equal(email, data.Str("email"));

        var requestId = response.Headers.GetValues("X-Request-Id").Single();
        Assert.Contains(server.Log.Lines, l => l.Category == "Latchkey.Requests" && l.Message.Contains("/v1/users/me 200") && l.Message.Contains(requestId));
    }

    [Theory]
    [InlineData("/v1/users/me/nothing")]
    [InlineData("/v1/licenses/nothing-here")]
    [InlineData("/v1/admin/nothing-here")]
    [InlineData("/v1/auth/nothing-here")]
    [InlineData("/v1/sessions/a/b")]
    public async Task Unknown_routes_under_the_nube_paths_are_a_nube_404(string path)
    {
        var error = await (await _client.GetAsync(path)).NubeErrorAsync(HttpStatusCode.NotFound, "NOT_FOUND");
        Assert.Equal("No such endpoint", error.Str("message"));
    }

    [Fact]
    public async Task A_wrong_method_is_a_nube_405_that_keeps_the_allow_header()
    {
        var response = await _client.SendAsync(HttpMethod.Put, "/v1/auth/refresh");
        await response.NubeErrorAsync(HttpStatusCode.MethodNotAllowed, "METHOD_NOT_ALLOWED");
        Assert.Contains("POST", response.Content.Headers.Allow);
    }

    [Theory]
    [InlineData("{\"refreshToken\": ")]
    [InlineData("[1, 2")]
    [InlineData("{\"refreshToken\": 5}")]
    [InlineData("{\"refreshToken\": {\"a\": 1}}")]
    [InlineData("\"just a string\"")]
    public async Task Malformed_json_and_wrong_types_are_a_nube_400_bad_request(string body)
    {
        var response = await _client.PostRawAsync("/v1/auth/refresh", body);
        await response.NubeErrorAsync(HttpStatusCode.BadRequest, "BAD_REQUEST");
    }

    [Fact]
    public async Task A_wrong_content_type_is_a_nube_415()
    {
        var response = await _client.PostAsync("/v1/auth/refresh", new StringContent("refreshToken=x", Encoding.UTF8, "text/plain"));
        await response.NubeErrorAsync(HttpStatusCode.UnsupportedMediaType, "UNSUPPORTED_MEDIA_TYPE");
    }

    [Fact]
    public async Task A_missing_field_is_a_validation_error_naming_it()
    {
        var error = await (await _client.PostJsonAsync("/v1/auth/refresh", new { })).NubeErrorAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        Assert.Equal("\"refreshToken\" is required", error.GetProperty("details").Str("refreshToken"));
    }

    [Fact]
    public async Task No_credential_or_a_bad_one_is_a_nube_401()
    {
        await (await _client.GetAsync("/v1/users/me")).NubeErrorAsync(HttpStatusCode.Unauthorized, "UNAUTHORIZED");
        await (await _client.GetAsync("/v1/users/me", "not-a-token")).NubeErrorAsync(HttpStatusCode.Unauthorized, "UNAUTHORIZED");
        var withKey = server.CreateClient();
        withKey.DefaultRequestHeaders.Add("X-API-Key", "sk_live_" + new string('a', 40));
        await (await withKey.GetAsync("/v1/users/me")).NubeErrorAsync(HttpStatusCode.Unauthorized, "UNAUTHORIZED");
    }

    [Fact]
    public async Task The_nhost_paths_under_v1_keep_the_nhost_shape()
    {
        var response = await _client.GetAsync("/v1/user");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var body = await response.JsonAsync();
        Assert.Equal(401, body.GetProperty("status").GetInt32());
        Assert.False(body.TryGetProperty("meta", out _));
        Assert.False(response.Headers.Contains("X-Request-Id"));

        var unknown = await (await _client.GetAsync("/v1/no-such-nhost-thing")).JsonAsync();
        Assert.Equal(404, unknown.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task Every_request_gets_its_own_id()
    {
        var a = (await _client.GetAsync("/v1/users/me")).Headers.GetValues("X-Request-Id").Single();
        var b = (await _client.GetAsync("/v1/users/me")).Headers.GetValues("X-Request-Id").Single();
        Assert.NotEqual(a, b);
    }
}
