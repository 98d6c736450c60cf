using System.CommandLine;

namespace Latchkey.Server.Cli;

/// <summary><c>latchkey serve</c>, also what <c>latchkey</c> alone does.</summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var command = new Command("serve", "Run the server (the default). Settings: --Section:Key=value, e.g. --urls http://0.0.0.0:5080.");
        command.SetAction(RunAsync);
        return command;
    }

    public static async Task<int> RunAsync(ParseResult parse, CancellationToken ct)
    {
        var builder = WebApplication.CreateBuilder(HostArguments.From(parse));
        builder.AddLatchkey();
        var app = builder.Build();
        await app.StartLatchkeyAsync();
        app.UseLatchkey();
        await app.RunAsync();
        return 0;
    }
}
