using System.Net;
using Latchkey.Api.Tests.Infrastructure;
using Latchkey.Core.Cluster;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Latchkey.Api.Tests.Cluster;

public sealed class SharedCounterServer : LatchkeyServer
{
    protected override void Configure(IDictionary<string, string?> settings)
    {
        settings["Latchkey:RateLimits:Enabled"] = "true";
        // Flushes only when a test says so.
        settings["Latchkey:Cluster:CounterFlushInterval"] = "00:01:00";
    }
}

/// <summary>
/// Issue 20: rate-limit counts are shared by the nodes of one PostgreSQL database, in batches (no write
/// per request); on SQLite, one node, they stay in the node. "Another node" is a second
/// <see cref="SharedCounters"/> over the same database.
/// </summary>
public sealed class SharedCounterTests(SharedCounterServer server) : IClassFixture<SharedCounterServer>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private Task<HttpResponseMessage> FailedLoginAsync() =>
        server.CreateClient().PostJsonAsync("/api/auth/login", new { email = "nobody@example.com", password = "wrong-password-1" });

    [Fact]
    public async Task Sign_in_attempts_counted_on_another_node_use_up_the_same_limit_on_postgres_only()
    {
        var otherNode = ActivatorUtilities.CreateInstance<SharedCounters>(server.Services);
        for (var i = 0; i < 9; i++) otherNode.Add("platform|login|127.0.0.1", TimeSpan.FromMinutes(15));
        await otherNode.FlushAsync(Ct);

        // This node has not heard of them yet: its first attempt goes through, and its flush learns the total.
        Assert.Equal(HttpStatusCode.Unauthorized, (await FailedLoginAsync()).StatusCode);
        await server.Services.GetRequiredService<SharedCounters>().FlushAsync(Ct);

        var next = await FailedLoginAsync();
        if (server.Provider == "postgres")
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, next.StatusCode);
            Assert.True(next.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        }
        else Assert.Equal(HttpStatusCode.Unauthorized, next.StatusCode);
    }
}
