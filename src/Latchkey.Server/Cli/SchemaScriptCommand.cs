using System.CommandLine;
using Latchkey.Data;

namespace Latchkey.Server.Cli;

/// <summary><c>latchkey schema-script</c>: the DDL the model expects, for writing a migration (a developer's tool, hidden from help).</summary>
internal static class SchemaScriptCommand
{
    public static Command Create()
    {
        var command = new Command("schema-script", "Print the schema the model expects (for writing a new migration).") { Hidden = true };
        command.SetAction(parse =>
        {
            using var app = CommandHost.Build(HostArguments.From(parse));
            Console.WriteLine(app.Services.GetRequiredService<DatabaseMigrator>().CreateScript());
            return 0;
        });
        return command;
    }
}
