using System.Diagnostics;
using System.Text;

namespace Latchkey.Api.Tests.Infrastructure;

/// <summary>
/// The real server binary (<c>dotnet Latchkey.Server.dll</c>) started as an operator would, with settings in
/// environment variables, in a working directory of its own: for what only a process shows (exit codes,
/// what is printed at start).
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly TaskCompletionSource _running = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string WorkingDirectory { get; }

    private ServerProcess(Process process, string workingDirectory) => (_process, WorkingDirectory) = (process, workingDirectory);

    /// <summary>Everything written to stdout and stderr so far.</summary>
    public string Output { get { lock (_output) return _output.ToString(); } }

    public static ServerProcess Start(IReadOnlyDictionary<string, string> environment)
    {
        var directory = Directory.CreateTempSubdirectory("latchkey-process-").FullName;
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { Path.Combine(AppContext.BaseDirectory, "Latchkey.Server.dll") },
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["Urls"] = "http://127.0.0.1:0";
        start.Environment["Latchkey__Database__SqlitePath"] = Path.Combine(directory, "data", "latchkey.db");
        start.Environment["Latchkey__Passwords__Hashing__Iterations"] = "1";
        start.Environment["Latchkey__Passwords__Hashing__MemoryKiB"] = "1024";
        start.Environment["Latchkey__Email__OutboxPath"] = Path.Combine(directory, "outbox");
        foreach (var (key, value) in environment) start.Environment[key] = value;
        var process = new Process { StartInfo = start };
        var server = new ServerProcess(process, directory);
        process.OutputDataReceived += (_, e) => server.Append(e.Data);
        process.ErrorDataReceived += (_, e) => server.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return server;
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_output) _output.AppendLine(line);
        if (line.Contains("Latchkey is running", StringComparison.Ordinal)) _running.TrySetResult();
    }

    /// <summary>Waits for the process to exit on its own and returns its exit code.</summary>
    public async Task<int> ExitCodeAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cancel.Token);
        _process.WaitForExit(); // drains the redirected output
        return _process.ExitCode;
    }

    /// <summary>Waits until the start-up banner is printed.</summary>
    public Task RunningAsync(TimeSpan timeout) => _running.Task.WaitAsync(timeout);

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
        try { Directory.Delete(WorkingDirectory, recursive: true); } catch (IOException) { }
    }
}
