using System.Diagnostics;

namespace Latchkey.Api.Tests.Social;

/// <summary>
/// The npm <c>oidc-provider</c> running from <c>tests/upstreams/oidc.mjs</c> on a free loopback port:
/// a real OpenID Connect provider (discovery, PKCE, signed ID tokens, user-info) for the redirect flow.
/// scripts/test.sh installs its node_modules with <c>npm ci</c>.
/// </summary>
public sealed class OidcProviderProcess : IAsyncDisposable
{
    private readonly Process _process;

    private OidcProviderProcess(Process process, Uri issuer) => (_process, Issuer) = (process, issuer);

    public Uri Issuer { get; }

    /// <param name="redirectUris">Every redirect URI the client registers (one per surface that shares the registration).</param>
    public static async Task<OidcProviderProcess> StartAsync(string clientId, string clientSecret, params string[] redirectUris)
    {
        var script = Path.Combine(RepoRoot(), "tests", "upstreams", "oidc.mjs");
        if (!Directory.Exists(Path.Combine(Path.GetDirectoryName(script)!, "node_modules", "oidc-provider")))
            throw new InvalidOperationException("tests/upstreams/node_modules is missing: run `npm ci --prefix tests/upstreams` (scripts/test.sh does).");
        var start = new ProcessStartInfo("node")
        {
            ArgumentList = { script, "--port", "0", "--client-id", clientId, "--client-secret", clientSecret },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            // Its own stdin: a node child sharing the test host's would switch that descriptor to non-blocking,
            // and the test framework's next read of the console then fails with EAGAIN (seen in Browser.Tests).
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var uri in redirectUris) { start.ArgumentList.Add("--redirect-uri"); start.ArgumentList.Add(uri); }
        var process = Process.Start(start) ?? throw new InvalidOperationException("node did not start.");
        process.ErrorDataReceived += (_, _) => { }; // the provider's development warnings go nowhere
        process.BeginErrorReadLine();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var line = await process.StandardOutput.ReadLineAsync(timeout.Token);
        if (line is null || !line.StartsWith("listening ", StringComparison.Ordinal))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"oidc.mjs did not start: {line}");
        }
        return new OidcProviderProcess(process, new Uri(line["listening ".Length..]));
    }

    internal static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Latchkey.slnx"))) return dir.FullName;
        throw new InvalidOperationException("Repository root not found above " + AppContext.BaseDirectory);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
    }
}
