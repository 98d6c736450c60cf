using System.Diagnostics;

namespace Latchkey.Api.Tests.Infrastructure;

/// <summary>
/// One run of the built server executable as an operator types it (<c>latchkey users import ...</c>): settings as
/// environment variables, standard input if given, exit code and both outputs once it ends.
/// </summary>
public static class LatchkeyCommand
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    public sealed record Outcome(int ExitCode, string Output, string Error)
    {
        public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Output}\n--- stderr\n{Error}";
    }

    public static async Task<Outcome> RunAsync(IReadOnlyDictionary<string, string?> settings, string? stdin, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetTempPath(),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Latchkey.Server.dll"));
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.Environment["Latchkey__Passwords__Hashing__Iterations"] = "1";
        start.Environment["Latchkey__Passwords__Hashing__MemoryKiB"] = "1024";
        start.Environment["Latchkey__Email__OutboxPath"] = Path.Combine(Path.GetTempPath(), "latchkey-command-outbox");
        // A wide virtual terminal, so progress and summary lines are not wrapped.
        start.Environment["COLUMNS"] = "200";
        foreach (var (key, value) in settings) start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (stdin is not null) await process.StandardInput.WriteLineAsync(stdin);
        process.StandardInput.Close();
        using var cancel = new CancellationTokenSource(Timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"latchkey {string.Join(' ', args)} did not end within {Timeout}: {await output}{await error}");
        }
        return new Outcome(process.ExitCode, await output, await error);
    }
}
