using System.CommandLine;
using Latchkey.Data;
using Microsoft.Extensions.Options;

namespace Latchkey.Server.Cli;

/// <summary><c>latchkey migrate [--status]</c>: apply the migrations, or list which are applied and which pending.</summary>
internal static class MigrateCommand
{
    public static Command Create()
    {
        var status = new Option<bool>("--status") { Description = "List applied and pending migrations; change nothing. Exit code 3 when some are pending." };
        var command = new Command("migrate", "Apply pending database migrations and exit (for a deploy step; set --Latchkey:Database:MigrateOnStart=false on the servers).") { status };
        command.SetAction(async (parse, ct) =>
        {
            await using var app = CommandHost.Build(HostArguments.From(parse));
            app.Services.GetRequiredService<IStartupValidator>().Validate();
            var migrator = app.Services.GetRequiredService<DatabaseMigrator>();
            if (!parse.GetValue(status))
            {
                var applied = await migrator.MigrateAsync(ct);
                Console.WriteLine(applied.Count == 0 ? "The database is up to date." : $"Applied {applied.Count} migration(s): {string.Join(", ", applied)}");
                return 0;
            }
            var (done, pending) = await migrator.StatusAsync(ct);
            Console.WriteLine(migrator.Location());
            foreach (var id in done) Console.WriteLine($"  applied  {id}");
            foreach (var id in pending) Console.WriteLine($"  pending  {id}");
            Console.WriteLine($"{done.Count} applied, {pending.Count} pending.");
            return pending.Count == 0 ? 0 : 3;
        });
        return command;
    }
}
