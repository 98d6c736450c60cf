using System.Net;
using System.Web;
using Latchkey.Api.Tests.Admin;
using Latchkey.Api.Tests.Infrastructure;
using Latchkey.Api.Tests.Webhooks;
using Latchkey.Core.OAuth.BackChannel;
using Microsoft.EntityFrameworkCore;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Xunit;

namespace Latchkey.Api.Tests.OAuth.BackChannel;

/// <summary>
/// OpenID Back-Channel Logout through the durable queue: every session-ending path queues a notice in its own
/// transaction, a background sender POSTs a signed logout token to the client's backchannel_logout_uri (a real
/// receiver on loopback), retries while the receiver is down, gives up after the configured attempts and prunes.
/// </summary>
public sealed class BackChannelLogoutTests(BackChannelLogoutServer server) : IClassFixture<BackChannelLogoutServer>, IAsyncLifetime
{
    private readonly WebhookReceiver _receiver = new();

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _receiver.DisposeAsync();

    [Fact]
    public async Task Signing_out_sends_a_signed_logout_token_for_the_browser_session()
    {
        await _receiver.StartAsync();
        var (client, browser, _) = await GrantAsync();

        await (await browser.PostAsync("/api/auth/logout", null)).OkAsync();

        await _receiver.WaitForAsync(r => r.Accepted().Count >= 1, "the logout token");
        var token = await ValidLogoutTokenAsync(Assert.Single(_receiver.Accepted()), client);
        Assert.True(token.TryGetClaim("sid", out _));
        await WaitForAsync(async () => await PendingAsync() == 0, "the delivered notice to be deleted");
    }

    [Fact]
    public async Task A_receiver_that_is_down_gets_the_token_on_a_retry()
    {
        var (client, _, userId) = await GrantAsync(); // the receiver is not started yet
        var admin = await server.AdminAsync();
        await (await admin.SendAsync(HttpMethod.Put, $"/api/admin/users/{userId}", body: new { disabled = true })).OkAsync();
        await WaitForAsync(async () => (await NoticesAsync()).Any(n => n.Attempts >= 1 && n.LastError is not null), "a failed first attempt");

        await _receiver.StartAsync();
        server.Clock.Advance(TimeSpan.FromSeconds(11)); // past the longest retry delay
        await _receiver.WaitForAsync(r => r.Accepted().Count >= 1, "the retried logout token");
        var token = await ValidLogoutTokenAsync(Assert.Single(_receiver.Accepted()), client);
        Assert.Equal(userId.ToString(), token.Subject);
        await WaitForAsync(async () => await PendingAsync() == 0, "the delivered notice to be deleted");
    }

    [Fact]
    public async Task Attempts_are_bounded_and_failed_notices_are_pruned()
    {
        var (_, browser, _) = await GrantAsync(); // never started: every attempt fails
        await (await browser.PostAsync("/api/auth/logout", null)).OkAsync();
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            var expected = attempt;
            await WaitForAsync(async () => (await NoticesAsync()).Any(n => n.Attempts >= expected && n.LastError is not null || n.Status == BackChannelLogoutStatuses.Failed),
                $"attempt {attempt}");
            server.Clock.Advance(TimeSpan.FromSeconds(11));
        }
        await WaitForAsync(async () => (await NoticesAsync()).Any(n => n.Status == BackChannelLogoutStatuses.Failed), "the notice to be marked failed");
        Assert.Equal(3, (await NoticesAsync()).Single(n => n.Status == BackChannelLogoutStatuses.Failed).Attempts);

        server.Clock.Advance(TimeSpan.FromDays(8)); // past RetainFailed and the hourly prune
        await WaitForAsync(async () => (await NoticesAsync()).All(n => n.Status != BackChannelLogoutStatuses.Failed), "the failed notice to be pruned");
    }

    [Fact]
    public async Task Deleting_ones_own_account_queues_the_logout_in_the_deletion()
    {
        await _receiver.StartAsync();
        var (client, browser, userId) = await GrantAsync();

        var deleted = await browser.SendAsync(HttpMethod.Delete, "/api/user/delete", body: new { currentPassword = Accounts.Password });
        Assert.True(deleted.IsSuccessStatusCode, await deleted.Content.ReadAsStringAsync());

        await _receiver.WaitForAsync(r => r.Accepted().Count >= 1, "the logout token of the deleted account");
        Assert.Equal(userId.ToString(), (await ValidLogoutTokenAsync(Assert.Single(_receiver.Accepted()), client)).Subject);
    }

    [Fact]
    public async Task Changing_ones_password_ends_the_grants_and_queues_their_logout()
    {
        await _receiver.StartAsync();
        var (client, browser, userId) = await GrantAsync();

        var changed = await browser.PostJsonAsync("/api/user/password", new { currentPassword = Accounts.Password, newPassword = "another-Long-passw0rd-91" });
        Assert.True(changed.IsSuccessStatusCode, await changed.Content.ReadAsStringAsync());

        await _receiver.WaitForAsync(r => r.Accepted().Count >= 1, "the logout token of the grant the password change ended");
        Assert.Equal(userId.ToString(), (await ValidLogoutTokenAsync(Assert.Single(_receiver.Accepted()), client)).Subject);
    }

    /// <summary>A new account signed in at a client with a backchannel_logout_uri at this test's receiver, holding a grant.</summary>
    private async Task<(TestClient Client, HttpClient Browser, Guid UserId)> GrantAsync()
    {
        var client = await server.CreateClientAsync(extra: new { backchannelLogoutUri = _receiver.Url });
        var (browser, _) = await server.SignedInBrowserAsync();
        var pkce = Pkce.New();
        await (await server.ExchangeAsync(client, await browser.CodeAsync(client, pkce, "openid"), pkce)).OkJsonAsync();
        return (client, browser, await browser.MyIdAsync());
    }

    /// <summary>Checks the token as a relying party must (§2.6): signature against the JWKS, issuer, audience, typ and event.</summary>
    private async Task<JsonWebToken> ValidLogoutTokenAsync(ReceivedWebhook received, TestClient client)
    {
        var form = HttpUtility.ParseQueryString(received.Body);
        var jwks = new JsonWebKeySet(await server.CreateClient().GetStringAsync("/.well-known/jwks.json"));
        var result = await new JsonWebTokenHandler().ValidateTokenAsync(form["logout_token"], new TokenValidationParameters
        {
            ValidIssuer = "http://latchkey.test",
            ValidAudience = client.ClientId,
            IssuerSigningKeys = jwks.GetSigningKeys(),
            ValidateLifetime = false, // the server's clock is a test clock
        });
        Assert.True(result.IsValid, result.Exception?.Message);
        var token = (JsonWebToken)result.SecurityToken;
        Assert.Equal("logout+jwt", token.Typ);
        Assert.Contains("http://schemas.openid.net/event/backchannel-logout", token.GetPayloadValue<System.Text.Json.JsonElement>("events").GetRawText());
        Assert.False(token.TryGetClaim("nonce", out _));
        return token;
    }

    // Every test has its own client (its own receiver port), so a test looks only at the rows of its own notices.
    private Task<List<BackChannelLogoutNotice>> NoticesAsync() =>
        server.QueryAsync(db => db.BackChannelLogouts.AsNoTracking().Where(n => n.CreatedAt >= _since).ToListAsync());

    private async Task<int> PendingAsync() => (await NoticesAsync()).Count(n => n.Status == BackChannelLogoutStatuses.Pending);

    private readonly DateTime _since = server.Clock.GetUtcNow().UtcDateTime;

    private static async Task WaitForAsync(Func<Task<bool>> done, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!await done())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Timed out waiting for {what}");
            await Task.Delay(50);
        }
    }
}
