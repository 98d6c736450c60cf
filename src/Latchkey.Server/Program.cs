using Latchkey.Server;
using Latchkey.Server.Cli;

// `latchkey` (or `latchkey serve`) serves; the other commands are listed by `latchkey --help` (Cli/LatchkeyCommandLine).
// A failure to start is one line on stderr and exit code 1 (StartupFailure); a bug keeps its stack trace.
try
{
    return await LatchkeyCommandLine.RunAsync(args);
}
catch (Exception ex) when (StartupFailure.Describe(ex) is { } line)
{
    Console.Error.WriteLine($"Latchkey cannot start: {line}");
    return 1;
}

/// <summary>Visible to the test host (WebApplicationFactory).</summary>
public partial class Program;
