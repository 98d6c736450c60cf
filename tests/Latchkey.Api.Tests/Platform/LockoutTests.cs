using System.Net;
using Latchkey.Api.Tests.Infrastructure;
using Xunit;

namespace Latchkey.Api.Tests.Platform;

public sealed class LockoutServer : LatchkeyServer
{
    protected override void Configure(IDictionary<string, string?> settings)
    {
        settings["Latchkey:Lockout:MaxFailedAttempts"] = "3";
        settings["Latchkey:Lockout:FirstDelay"] = "00:00:30";
        settings["Latchkey:Lockout:Duration"] = "00:10:00";
        settings["Latchkey:Lockout:AccountCeiling"] = "8";
    }
}

/// <summary>
/// Wrong passwords are throttled per account and client, not by locking the account: an attacker
/// elsewhere cannot keep the owner out, and known and unknown accounts answer alike (issue 22, item 4).
/// Each test uses its own loopback addresses as clients.
/// </summary>
public sealed class LockoutTests(LockoutServer server) : IClassFixture<LockoutServer>
{
    [Fact]
    public async Task An_attacker_from_one_address_cannot_stop_the_owner_signing_in_from_another_on_any_surface()
    {
        var owner = server.CreateClientFrom("127.0.1.2");
        var email = await owner.RegisterAsync();
        var attacker = server.CreateClientFrom("127.0.1.1");
        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.Unauthorized, (await attacker.PostJsonAsync("/api/auth/login", new { email, password = "wrong-guess-" + i })).StatusCode);
        for (var i = 0; i < 5; i++)
        {
            var refused = await attacker.PostJsonAsync("/api/auth/login", new { email, password = "wrong-guess-more-" + i });
            Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
            Assert.Equal("rate_limited", (await refused.JsonAsync()).Str("code"));
        }
        // Not even the right password gets through from the throttled client: it would confirm a guess.
        Assert.Equal(HttpStatusCode.TooManyRequests, (await attacker.PostJsonAsync("/api/auth/login", new { email, password = Accounts.Password })).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests,
            (await attacker.PostJsonAsync("/v1/signin/email-password", new { email, password = Accounts.Password })).StatusCode);

        await owner.PlatformLoginAsync(email);
        await owner.SimpleLoginAsync(email);
        Assert.Equal(HttpStatusCode.OK, (await owner.PostJsonAsync("/v1/signin/email-password", new { email, password = Accounts.Password })).StatusCode);
    }

    [Fact]
    public async Task Known_and_unknown_accounts_answer_identically_before_and_after_the_throttle()
    {
        var known = await server.CreateClient().RegisterAsync();
        var unknown = Accounts.NewEmail();
        var client = server.CreateClientFrom("127.0.1.3");
        foreach (var (path, body) in Attempts(known, unknown))
        {
            var answers = new List<string>();
            for (var i = 0; i < 6; i++)
            {
                var knownAnswer = await client.PostJsonAsync(path, body(known, "wrong-guess-" + i));
                var unknownAnswer = await client.PostJsonAsync(path, body(unknown, "wrong-guess-" + i));
                Assert.Equal(knownAnswer.StatusCode, unknownAnswer.StatusCode);
                Assert.Equal(await knownAnswer.Content.ReadAsStringAsync(), await unknownAnswer.Content.ReadAsStringAsync());
                answers.Add(((int)knownAnswer.StatusCode).ToString());
            }
            Assert.Equal(["401", "401", "401", "429", "429", "429"], answers);
            server.Clock.Advance(TimeSpan.FromMinutes(61)); // past the window: the next surface starts clean
        }
    }

    private static IEnumerable<(string Path, Func<string, string, object> Body)> Attempts(string known, string unknown) =>
    [
        ("/api/auth/login", (email, password) => new { email, password }),
        ("/api/v1/auth/login", (email, password) => new { username = email, password }),
        ("/v1/signin/email-password", (email, password) => new { email, password }),
    ];

    [Fact]
    public async Task The_wait_grows_with_each_failure_and_a_success_clears_it()
    {
        var client = server.CreateClientFrom("127.0.1.4");
        var email = await server.CreateClient().RegisterAsync();
        for (var i = 0; i < 3; i++) await client.PostJsonAsync("/api/auth/login", new { email, password = "wrong-guess-" + i });

        server.Clock.Advance(TimeSpan.FromSeconds(31)); // the first wait (30 s) is over: one more try
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostJsonAsync("/api/auth/login", new { email, password = "wrong-guess-4" })).StatusCode);
        server.Clock.Advance(TimeSpan.FromSeconds(31)); // the second wait is 60 s
        Assert.Equal(HttpStatusCode.TooManyRequests, (await client.PostJsonAsync("/api/auth/login", new { email, password = Accounts.Password })).StatusCode);
        server.Clock.Advance(TimeSpan.FromSeconds(30));
        await client.PlatformLoginAsync(email);

        // The success cleared this client's count: three fresh tries.
        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostJsonAsync("/api/auth/login", new { email, password = "wrong-again-" + i })).StatusCode);
    }

    [Fact]
    public async Task Guessing_spread_over_many_addresses_meets_the_account_ceiling_for_known_and_unknown_alike()
    {
        var known = await server.CreateClient().RegisterAsync();
        var unknown = Accounts.NewEmail();
        foreach (var login in new[] { known, unknown })
        {
            for (var address = 1; address <= 3; address++)
            {
                var attacker = server.CreateClientFrom($"127.0.2.{address}");
                for (var i = 0; i < 3; i++) await attacker.PostJsonAsync("/api/auth/login", new { email = login, password = "spread-guess-" + i });
            }
            // Nine failures for one login from three addresses: past the ceiling of eight, a fresh address waits too.
            var fresh = server.CreateClientFrom("127.0.2.9");
            Assert.Equal(HttpStatusCode.TooManyRequests, (await fresh.PostJsonAsync("/api/auth/login", new { email = login, password = Accounts.Password })).StatusCode);
        }
        server.Clock.Advance(TimeSpan.FromHours(1));
        await server.CreateClientFrom("127.0.2.9").PlatformLoginAsync(known);
    }
}
