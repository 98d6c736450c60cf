using System.Net;
using System.Net.Http.Json;
using Latchkey.Api.Tests.Infrastructure;
using Xunit;

namespace Latchkey.Api.Tests.RateLimiting;

/// <summary>Rate limits on, and one trusted proxy network (127.0.3.0/24) named by the operator.</summary>
public sealed class TrustedProxyServer : LatchkeyServer
{
    protected override void Configure(IDictionary<string, string?> settings)
    {
        settings["Latchkey:RateLimits:Enabled"] = "true";
        settings["Latchkey:Network:TrustedProxies:0"] = "127.0.3.0/24";
    }
}

/// <summary>X-Forwarded-For is believed from the proxies the operator names, and from no one else.</summary>
public sealed class TrustedProxyTests(TrustedProxyServer server) : IClassFixture<TrustedProxyServer>
{
    [Fact]
    public async Task A_named_proxy_forwards_its_clients_addresses_and_each_has_its_own_bucket()
    {
        var proxy = server.CreateClientFrom("127.0.3.1");
        for (var i = 0; i < 11; i++) await SignInAsync(proxy, "198.51.100.7", i);
        Assert.Equal(HttpStatusCode.TooManyRequests, await SignInAsync(proxy, "198.51.100.7", 11));
        Assert.Equal(HttpStatusCode.Unauthorized, await SignInAsync(proxy, "198.51.100.8", 12));
    }

    [Fact]
    public async Task Any_other_peer_cannot_pick_its_address()
    {
        var stranger = server.CreateClientFrom("127.0.4.1");
        for (var i = 0; i < 11; i++) await SignInAsync(stranger, $"198.51.100.{i + 20}", i);
        Assert.Equal(HttpStatusCode.TooManyRequests, await SignInAsync(stranger, "198.51.100.99", 11));
    }

    private static async Task<HttpStatusCode> SignInAsync(HttpClient client, string forwardedFor, int attempt)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/login")
        {
            Content = JsonContent.Create(new { username = $"someone-{Guid.NewGuid():N}-{attempt}", password = "guess" }),
        };
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        return (await client.SendAsync(request)).StatusCode;
    }
}
