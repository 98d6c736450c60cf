using System.CommandLine;

namespace Latchkey.Server.Cli;

/// <summary>
/// The server's command line: <c>latchkey [serve]</c> and the operator's commands. Any token a command does not know
/// (<c>--Latchkey:Database:Provider=postgres</c>, <c>--urls http://...</c>, <c>--environment=...</c>) is host
/// configuration, passed to the host exactly as <c>dotnet run</c> always did.
/// </summary>
internal static class LatchkeyCommandLine
{
    public static async Task<int> RunAsync(string[] args)
    {
        var root = new RootCommand("Latchkey, a self-hosted identity server. Without a command it serves.")
        {
            ServeCommand.Create(),
            MigrateCommand.Create(),
            AdminCommands.Create(),
            UserCommands.Create(),
            KeyCommands.Create(),
            ConfigCommands.Create(),
            SchemaScriptCommand.Create(),
            HealthCommand.Create(),
        };
        root.TreatUnmatchedTokensAsErrors = false;
        root.SetAction(ServeCommand.RunAsync);
        foreach (var command in root.Subcommands) Tolerate(command);
        // Exceptions reach Program's one-line start-up failure report (and the test host's interception of Build).
        return await root.Parse(args).InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
    }

    private static void Tolerate(Command command)
    {
        command.TreatUnmatchedTokensAsErrors = false;
        foreach (var sub in command.Subcommands) Tolerate(sub);
    }
}
