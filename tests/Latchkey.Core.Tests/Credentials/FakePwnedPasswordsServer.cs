using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Latchkey.Core.Tests.Credentials;

/// <summary>
/// A real HTTP server on 127.0.0.1 (random port) speaking the Pwned Passwords range API, with padding
/// entries (count 0) mixed in the way the real service adds them when asked with Add-Padding: true.
/// </summary>
internal sealed class FakePwnedPasswordsServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, long> _breached = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _padding = new(StringComparer.Ordinal);

    private FakePwnedPasswordsServer(WebApplication app) => _app = app;

    public string BaseUrl => _app.Urls.First();

    public ConcurrentQueue<(string Path, string? AddPadding)> Requests { get; } = new();

    public int StatusCode { get; set; } = StatusCodes.Status200OK;

    public TimeSpan Delay { get; set; } = TimeSpan.Zero;

    public static async Task<FakePwnedPasswordsServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new FakePwnedPasswordsServer(app);
        app.MapGet("/range/{prefix}", server.RangeAsync);
        await app.StartAsync();
        return server;
    }

    public void AddBreached(string password, long count) => _breached[Sha1(password)] = count;

    /// <summary>Lists the password's hash as a padding entry (count 0), as if it were filler.</summary>
    public void AddPadding(string password) => _padding[Sha1(password)] = 0;

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    public static string Sha1(string password) => Convert.ToHexString(SHA1.HashData(Encoding.UTF8.GetBytes(password)));

    private async Task<IResult> RangeAsync(string prefix, HttpContext context)
    {
        Requests.Enqueue((context.Request.Path, context.Request.Headers["Add-Padding"].FirstOrDefault()));
        if (Delay > TimeSpan.Zero)
        {
            await Task.Delay(Delay, context.RequestAborted);
        }

        if (StatusCode != StatusCodes.Status200OK)
        {
            return Results.StatusCode(StatusCode);
        }

        var body = new StringBuilder();
        var random = new Random(prefix.GetHashCode());
        for (var i = 0; i < 20; i++)
        {
            // Filler suffixes that match no test password.
            body.Append(Convert.ToHexString(RandomBytes(random, 18))[..35]).Append(':').Append(random.Next(1, 500)).Append("\r\n");
        }

        foreach (var (hash, count) in _breached.Where(e => e.Key.StartsWith(prefix, StringComparison.Ordinal)))
        {
            body.Append(hash[5..]).Append(':').Append(count).Append("\r\n");
        }

        foreach (var hash in _padding.Keys.Where(k => k.StartsWith(prefix, StringComparison.Ordinal)))
        {
            body.Append(hash[5..]).Append(":0\r\n");
        }

        return Results.Text(body.ToString().TrimEnd(), "text/plain");
    }

    private static byte[] RandomBytes(Random random, int count)
    {
        var bytes = new byte[count];
        random.NextBytes(bytes);
        return bytes;
    }
}
