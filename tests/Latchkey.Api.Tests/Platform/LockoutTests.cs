using System.Net;
using Latchkey.Api.Tests.Infrastructure;
using Xunit;

namespace Latchkey.Api.Tests.Platform;

public sealed class LockoutServer : LatchkeyServer
{
    protected override void Configure(IDictionary<string, string?> settings)
    {
        settings["Latchkey:Lockout:MaxFailedAttempts"] = "3";
        settings["Latchkey:Lockout:Duration"] = "00:10:00";
    }
}

public sealed class LockoutTests(LockoutServer server) : IClassFixture<LockoutServer>
{
    [Fact]
    public async Task Repeated_failures_lock_the_account_with_423_even_for_the_right_password_until_it_expires()
    {
        var client = server.CreateClient();
        var email = await client.RegisterAsync();

        for (var i = 0; i < 2; i++)
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostJsonAsync("/api/auth/login", new { email, password = "wrong-guess-" + i })).StatusCode);
        var third = await client.PostJsonAsync("/api/auth/login", new { email, password = "wrong-guess-3" });
        Assert.Equal(HttpStatusCode.Locked, third.StatusCode);
        Assert.Equal("account_locked", (await third.JsonAsync()).Str("code"));

        var right = await client.PostJsonAsync("/api/auth/login", new { email, password = Accounts.Password });
        Assert.Equal(HttpStatusCode.Locked, right.StatusCode);
        var simple = await client.PostJsonAsync("/api/v1/auth/login", new { username = email, password = Accounts.Password });
        Assert.Equal(HttpStatusCode.Locked, simple.StatusCode);

        server.Clock.Advance(TimeSpan.FromMinutes(11));
        await client.PlatformLoginAsync(email);
        var types = (await (await client.GetAsync("/api/user/activity")).JsonAsync()).GetProperty("activities")
            .EnumerateArray().Select(a => a.Str("type")).ToList();
        Assert.Contains("account.locked", types);
    }

    [Fact]
    public async Task A_success_resets_the_failure_count()
    {
        var client = server.CreateClient();
        var email = await client.RegisterAsync();
        for (var round = 0; round < 2; round++)
        {
            for (var i = 0; i < 2; i++)
                await client.PostJsonAsync("/api/auth/login", new { email, password = "wrong-guess-" + i });
            await client.PlatformLoginAsync(email);
        }
    }
}
