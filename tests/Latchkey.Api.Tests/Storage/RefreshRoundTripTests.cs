using Latchkey.Api.Tests.Infrastructure;
using Latchkey.Api.Tests.OAuth;
using Xunit;

namespace Latchkey.Api.Tests.Storage;

/// <summary>
/// How many database round trips a refresh costs on each surface, counted from the commands the request runs
/// (the performance target of docs/benchmarks.md is one statement for the rotation on PostgreSQL). SQLite is
/// in-process, so its commands are no round trips; they are counted to pin its shape too: the read, then the
/// UPDATE and the INSERT in one transaction (EF's SQLite provider sends one statement per command).
/// </summary>
public sealed class RefreshRoundTripTests(OAuthServer server) : IClassFixture<OAuthServer>, IDisposable
{
    private readonly DatabaseCommands _commands = new();
    private bool Postgres => server.Provider == "postgres";

    public void Dispose() => _commands.Dispose();

    private async Task<string> FirstPartyRefreshTokenAsync()
    {
        var client = server.CreateClient();
        return (await client.SimpleLoginAsync(await client.RegisterAsync())).Refresh;
    }

    private async Task<IReadOnlyList<string>> CommandsOfAsync(Func<Task<HttpResponseMessage>> request) =>
        await _commands.OfAsync(async () => (await request()).EnsureSuccessStatusCode());

    // The client's row is cached per node, but the change feed that tells every node about the test's new client may
    // empty that cache after the code exchange filled it, so a refresh may read the client once more. That read is the
    // client cache's business, not the rotation's, so the OAuth counts leave it out.
    private static IReadOnlyList<string> WithoutClientRead(IReadOnlyList<string> sql) =>
        sql.Where(c => !(c.TrimStart().StartsWith("SELECT", StringComparison.Ordinal) && c.Contains("oauth_clients", StringComparison.Ordinal))).ToList();

    private static void AssertCount(int expected, IReadOnlyList<string> sql) =>
        Assert.True(sql.Count == expected, $"{sql.Count} commands, {expected} expected:\n{string.Join("\n---\n", sql)}");

    [Fact]
    public async Task A_first_party_refresh_is_one_statement_on_PostgreSQL()
    {
        var token = await FirstPartyRefreshTokenAsync();
        var sql = await CommandsOfAsync(() => server.CreateClient().PostJsonAsync("/api/v1/auth/refresh", new { refreshToken = token }));

        AssertCount(Postgres ? 1 : 3, sql);
        Assert.Contains("UPDATE", string.Join('\n', sql));
        Assert.Contains("INSERT", string.Join('\n', sql));
    }

    [Fact]
    public async Task An_Nhost_refresh_reads_the_user_it_returns_in_the_rotation_statement_on_PostgreSQL()
    {
        var token = await FirstPartyRefreshTokenAsync();
        var sql = await CommandsOfAsync(() => server.CreateClient().PostJsonAsync("/v1/token", new { refreshToken = token }));

        AssertCount(Postgres ? 1 : 4, sql);
        Assert.Contains(Postgres ? "u.avatar_url" : "users", sql[^1]);
    }

    [Fact]
    public async Task An_OAuth_refresh_asking_for_nothing_new_rotates_with_no_read_before_it()
    {
        var client = await server.CreateClientAsync();
        var (browser, _) = await server.SignedInBrowserAsync();
        var pkce = Pkce.New();
        var tokens = await (await server.ExchangeAsync(client, await browser.CodeAsync(client, pkce), pkce)).OkJsonAsync();

        HttpResponseMessage? refreshed = null;
        var plain = await _commands.OfAsync(async () =>
            refreshed = (await server.TokenAsync(client, ("grant_type", "refresh_token"), ("refresh_token", tokens.Str("refresh_token")))).EnsureSuccessStatusCode());
        AssertCount(Postgres ? 1 : 3, WithoutClientRead(plain));

        // A narrower scope is checked against the grant before anything rotates: one read more.
        var successor = (await refreshed!.OkJsonAsync()).Str("refresh_token");
        var narrowed = await CommandsOfAsync(() => server.TokenAsync(client,
            ("grant_type", "refresh_token"), ("refresh_token", successor), ("scope", "openid")));
        AssertCount(Postgres ? 2 : 4, WithoutClientRead(narrowed));
    }
}
