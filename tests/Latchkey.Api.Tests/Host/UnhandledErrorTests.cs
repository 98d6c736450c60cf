using System.Net;
using Latchkey.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Latchkey.Api.Tests.Host;

/// <summary>A server with one deliberately broken path, to see what a bug looks like from outside.</summary>
public sealed class BrokenServer : LatchkeyServer
{
    protected override void ConfigureServices(IServiceCollection services) =>
        services.AddSingleton<IStartupFilter, ThrowingPathFilter>();

    private sealed class ThrowingPathFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            // Runs after routing found no endpoint: stands in for a bug anywhere in the pipeline.
            app.Run(context => context.Request.Path == "/boom"
                ? throw new InvalidOperationException("secret detail that must not leak")
                : Task.CompletedTask);
        };
    }
}

public sealed class UnhandledErrorTests(BrokenServer server) : IClassFixture<BrokenServer>
{
    [Fact]
    public async Task A_bug_is_a_500_with_a_request_id_and_no_stack_trace_or_detail()
    {
        var response = await server.CreateClient().GetAsync("/boom");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("secret detail", text);
        Assert.DoesNotContain("   at ", text);
        var body = await response.JsonAsync();
        Assert.Equal("internal_error", body.Str("error"));
        Assert.False(string.IsNullOrEmpty(body.Str("requestId")));
        Robustness.SecurityHeaders.AssertPresent("/boom", response);
    }
}
