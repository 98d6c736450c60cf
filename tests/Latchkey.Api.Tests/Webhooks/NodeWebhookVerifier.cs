using System.Diagnostics;
using System.Text.Json;
using Latchkey.Api.Tests.Social;

namespace Latchkey.Api.Tests.Webhooks;

/// <summary>
/// Runs <c>tests/upstreams/webhook-verify.mjs</c>: the npm <c>standardwebhooks</c> package verifies what the receiver
/// got, as a Node receiver would. Returns node's output; throws with it when any delivery fails to verify.
/// </summary>
public static class NodeWebhookVerifier
{
    public static async Task<string> VerifyAsync(string secret, IEnumerable<ReceivedWebhook> deliveries)
    {
        var script = Path.Combine(OidcProviderProcess.RepoRoot(), "tests", "upstreams", "webhook-verify.mjs");
        if (!Directory.Exists(Path.Combine(Path.GetDirectoryName(script)!, "node_modules", "standardwebhooks")))
            throw new InvalidOperationException("tests/upstreams/node_modules is missing: run `npm ci --prefix tests/upstreams` (scripts/test.sh does).");
        var start = new ProcessStartInfo("node")
        {
            ArgumentList = { script },
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("node did not start.");
        var input = JsonSerializer.Serialize(new
        {
            secret,
            deliveries = deliveries.Select(d => new
            {
                headers = new Dictionary<string, string> { ["webhook-id"] = d.Id, ["webhook-timestamp"] = d.Timestamp, ["webhook-signature"] = d.Signature },
                body = d.Body,
            }),
        });
        await process.StandardInput.WriteAsync(input);
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0) throw new InvalidOperationException($"node standardwebhooks refused a delivery: {await error}{await output}");
        return await output;
    }
}
