using System.Net;
using Latchkey.Api.Tests.Infrastructure;
using Npgsql;
using Xunit;

namespace Latchkey.Api.Tests.Robustness;

/// <summary>A server whose PostgreSQL connections go through a relay the test can cut.</summary>
public sealed class RelayedDatabaseServer : LatchkeyServer
{
    public TcpRelay? Relay { get; private set; }

    protected override void Configure(IDictionary<string, string?> settings)
    {
        if (!settings.TryGetValue("ConnectionStrings:Latchkey", out var connection) || connection is null
            || TestDatabase.ConfiguredProvider != "postgres") return;
        var builder = new NpgsqlConnectionStringBuilder(connection);
        Relay = new TcpRelay(builder.Host!, builder.Port);
        builder.Host = "127.0.0.1";
        builder.Port = Relay.Port;
        builder.Timeout = 3;
        settings["ConnectionStrings:Latchkey"] = builder.ConnectionString;
    }

    protected override async ValueTask AfterStopAsync()
    {
        if (Relay is not null) await Relay.DisposeAsync();
    }
}

/// <summary>While PostgreSQL is unreachable the answer is a 503 with Retry-After in the surface's shape, and it recovers by itself.</summary>
public sealed class DatabaseOutageTests(RelayedDatabaseServer server) : IClassFixture<RelayedDatabaseServer>
{
    [Fact]
    public async Task An_unreachable_database_is_a_503_with_Retry_After_and_the_server_recovers()
    {
        if (server.Relay is null) Assert.Skip("PostgreSQL only: the relay sits between the server and PostgreSQL.");
        var client = server.CreateClient();
        var login = new { email = Accounts.NewEmail(), password = Accounts.Password };
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostJsonAsync("/api/auth/login", login)).StatusCode);

        server.Relay.Cut();
        try
        {
            foreach (var path in new[] { "/api/auth/login", "/v1/signin/email-password", "/api/v1/auth/login" })
            {
                var response = await client.PostJsonAsync(path, new { login.email, username = login.email, login.password });
                var body = await response.Content.ReadAsStringAsync();
                Assert.True(response.StatusCode == HttpStatusCode.ServiceUnavailable, $"{path}: {(int)response.StatusCode} {body}");
                Assert.NotNull(response.Headers.RetryAfter);
                SurfaceShapes.AssertShape(path, 503, body);
            }
        }
        finally
        {
            server.Relay.Restore();
        }

        // Broken pooled connections are discarded as they are met; within a few attempts the database answers again.
        var recovered = HttpStatusCode.ServiceUnavailable;
        for (var attempt = 0; attempt < 20 && recovered != HttpStatusCode.Unauthorized; attempt++)
        {
            recovered = (await client.PostJsonAsync("/api/auth/login", login)).StatusCode;
            if (recovered != HttpStatusCode.Unauthorized) await Task.Delay(250);
        }
        Assert.Equal(HttpStatusCode.Unauthorized, recovered);
    }
}
