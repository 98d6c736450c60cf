using System.CommandLine;

namespace Latchkey.Server.Cli;

/// <summary>
/// <c>latchkey health</c>: asks a running server's <c>/health/ready</c> and exits 0 when it answers 200 (healthy or
/// degraded), 1 otherwise (unhealthy, unreachable, too slow). The container's HEALTHCHECK uses it: the runtime image
/// has no HTTP client, and the server's own executable needs nothing more. It builds no host and opens no database.
/// </summary>
internal static class HealthCommand
{
    public static Command Create()
    {
        var url = new Option<string?>("--url") { Description = "The server's base address. Default: the first of the Urls setting (environment), a wildcard host read as 127.0.0.1." };
        var timeout = new Option<int>("--timeout") { Description = "Seconds to wait for the answer.", DefaultValueFactory = _ => 5 };
        var command = new Command("health", "Check a running server's readiness (GET /health/ready): exit code 0 when ready, 1 when not.") { url, timeout };
        command.SetAction(async (parse, ct) =>
        {
            var address = parse.GetValue(url) ?? LocalAddress(Environment.GetEnvironmentVariable("Urls") ?? Environment.GetEnvironmentVariable("ASPNETCORE_URLS"));
            if (!Uri.TryCreate(address.TrimEnd('/') + "/health/ready", UriKind.Absolute, out var ready) || ready.Scheme is not ("http" or "https"))
            {
                Console.Error.WriteLine($"Not an http(s) address: {address}");
                return 1;
            }
            using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(Math.Clamp(parse.GetValue(timeout), 1, 300)) };
            try
            {
                using var response = await client.GetAsync(ready, ct);
                var body = await response.Content.ReadAsStringAsync(ct);
                Console.WriteLine($"{(int)response.StatusCode} {body}");
                return response.IsSuccessStatusCode ? 0 : 1;
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
            {
                Console.Error.WriteLine($"{ready} did not answer: {exception.Message}");
                return 1;
            }
        });
        return command;
    }

    /// <summary>The address to reach this machine's server at: the first listening URL, with a wildcard host made loopback.</summary>
    internal static string LocalAddress(string? urls)
    {
        var first = (urls ?? "http://localhost:5080").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? "http://localhost:5080";
        foreach (var wildcard in new[] { "://+", "://*", "://0.0.0.0", "://[::]" })
            if (first.Contains(wildcard, StringComparison.Ordinal)) return first.Replace(wildcard, "://127.0.0.1", StringComparison.Ordinal);
        return first;
    }
}
