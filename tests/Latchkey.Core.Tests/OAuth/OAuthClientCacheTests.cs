using Latchkey.Core.Cluster;
using Latchkey.Core.OAuth;
using Microsoft.Extensions.Options;
using Xunit;

namespace Latchkey.Core.Tests.OAuth;

/// <summary>The per-node client cache: entries live for the configured time, can be dropped, and can be switched off.</summary>
public sealed class OAuthClientCacheTests
{
    private sealed class StepClock : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);
        public override DateTimeOffset GetUtcNow() => Now;
    }

    private static OAuthClient Client(string id) => new() { ClientId = id, Name = "n", TokenEndpointAuthMethod = ClientAuthMethods.SecretBasic };

    private static OAuthClientCache Cache(StepClock clock, TimeSpan lifetime) =>
        new(Options.Create(new OAuthOptions { ClientCacheLifetime = lifetime }), clock);

    [Fact]
    public void An_entry_is_served_until_its_lifetime_ends()
    {
        var clock = new StepClock();
        var cache = Cache(clock, TimeSpan.FromSeconds(30));
        var client = Client("lk_a");
        Assert.Null(cache.Find("lk_a"));
        cache.Remember(client, cache.Generation);
        clock.Now += TimeSpan.FromSeconds(29);
        Assert.Same(client, cache.Find("lk_a"));
        clock.Now += TimeSpan.FromSeconds(1);
        Assert.Null(cache.Find("lk_a"));
    }

    [Fact]
    public void Forget_drops_the_entry_at_once_and_ids_are_case_sensitive()
    {
        var cache = Cache(new StepClock(), TimeSpan.FromSeconds(30));
        cache.Remember(Client("lk_a"), cache.Generation);
        Assert.Null(cache.Find("LK_A"));
        cache.Forget("lk_a");
        Assert.Null(cache.Find("lk_a"));
    }

    [Fact]
    public void A_zero_lifetime_turns_the_cache_off()
    {
        var cache = Cache(new StepClock(), TimeSpan.Zero);
        cache.Remember(Client("lk_a"), cache.Generation);
        Assert.Null(cache.Find("lk_a"));
    }

    [Fact]
    public async Task A_change_on_any_node_empties_the_cache_and_a_row_read_before_it_is_not_kept()
    {
        var cache = Cache(new StepClock(), TimeSpan.FromSeconds(30));
        cache.Remember(Client("lk_a"), cache.Generation);
        var readBeforeTheChange = cache.Generation;
        await ((IChangeSubscriber)cache).OnChangedAsync(TestContext.Current.CancellationToken);
        Assert.Null(cache.Find("lk_a"));
        cache.Remember(Client("lk_b"), readBeforeTheChange);
        Assert.Null(cache.Find("lk_b"));
    }
}
