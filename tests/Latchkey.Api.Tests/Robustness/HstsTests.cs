using Latchkey.Api.Tests.Infrastructure;
using Xunit;

namespace Latchkey.Api.Tests.Robustness;

/// <summary>A Production server behind a TLS-terminating proxy the operator named (loopback here).</summary>
public sealed class ProductionBehindProxyServer : LatchkeyServer
{
    protected override string Environment => "Production";

    protected override void Configure(IDictionary<string, string?> settings) =>
        settings["Latchkey:Network:TrustedProxies:0"] = "127.0.0.1";
}

public sealed class HstsTests(ProductionBehindProxyServer server) : IClassFixture<ProductionBehindProxyServer>
{
    [Fact]
    public async Task HSTS_is_sent_over_HTTPS_behind_a_trusted_proxy_on_answers_and_errors()
    {
        var client = server.CreateClient();
        foreach (var path in new[] { "/health/live", "/api/no-such-thing", "/v1/user" })
        {
            var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.Add("X-Forwarded-Proto", "https");
            var response = await client.SendAsync(request);
            Assert.True(response.Headers.TryGetValues("Strict-Transport-Security", out var hsts), $"{path} lacks HSTS");
            Assert.StartsWith("max-age=", hsts!.Single());
        }
    }

    [Fact]
    public async Task No_HSTS_over_plain_HTTP()
    {
        var response = await server.CreateClient().GetAsync("/health/live");
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }
}
