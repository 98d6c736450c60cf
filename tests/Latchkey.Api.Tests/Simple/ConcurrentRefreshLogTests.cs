using System.Net;
using Latchkey.Api.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit;

namespace Latchkey.Api.Tests.Simple;

/// <summary>A server whose log lines the test reads, as an operator's alerting would.</summary>
public sealed class LoggedServer : LatchkeyServer
{
    public LogCapture Log { get; } = new();

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<ILoggerProvider>(Log);
}

/// <summary>
/// Concurrent refreshes of one token are normal (two tabs, a retrying client): the race for the rotation is
/// settled by the store, and nothing about it may reach the log at Error, which operators alert on. The probe
/// saw Error lines for exactly this on PostgreSQL (issue 22, item 11).
/// </summary>
public sealed class ConcurrentRefreshLogTests(LoggedServer server) : IClassFixture<LoggedServer>
{
    [Fact]
    public async Task Racing_refreshes_of_one_token_log_nothing_at_error()
    {
        var client = server.CreateClient();
        var email = await client.RegisterAsync();
        var (_, refresh) = await client.SimpleLoginAsync(email);

        for (var round = 0; round < 5; round++)
        {
            var responses = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ =>
                server.CreateClient().PostJsonAsync("/api/v1/auth/refresh", new { refreshToken = refresh })));
            Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
            refresh = (await responses[0].JsonAsync()).Str("refreshToken");
        }

        var errors = server.Log.Lines.Where(l => l.Level >= LogLevel.Error).Select(l => $"{l.Category}: {l.Message}").ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }
}
