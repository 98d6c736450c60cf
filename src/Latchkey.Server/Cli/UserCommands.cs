using System.CommandLine;
using Latchkey.Core.Users.Import;

namespace Latchkey.Server.Cli;

/// <summary><c>latchkey users import</c> and <c>latchkey users export</c>.</summary>
internal static class UserCommands
{
    public static Command Create() => new("users", "Move accounts in and out.") { Import(), Export() };

    private static Command Import()
    {
        var file = new Argument<FileInfo>("file") { Description = "The file to import." };
        var format = new Option<string>("--format") { Description = "json, csv (ours), auth0, supabase, keycloak or firebase.", Required = true };
        format.AcceptOnlyFromAmong([.. ImportFormats.All]);
        var batch = new Option<int>("--batch-size") { Description = "Accounts per insert.", DefaultValueFactory = _ => 1000 };
        var dryRun = new Option<bool>("--dry-run") { Description = "Check every record and report; write nothing." };
        var report = new Option<FileInfo?>("--report") { Description = "Where to write the records not imported, with reasons (CSV). Default: <file>.report.csv." };
        // Firebase's project hash parameters, named as `firebase auth:import` names them.
        var hashKey = new Option<string?>("--hash-key") { Description = "firebase: the project's base64 signer key." };
        var saltSeparator = new Option<string?>("--salt-separator") { Description = "firebase: the project's base64 salt separator." };
        var rounds = new Option<int>("--rounds") { Description = "firebase: scrypt rounds.", DefaultValueFactory = _ => 8 };
        var memCost = new Option<int>("--mem-cost") { Description = "firebase: scrypt memory cost.", DefaultValueFactory = _ => 14 };
        var command = new Command("import", "Import accounts, keeping their password hashes (rehashed to Argon2id at each account's next sign-in). "
            + "Accounts already present are left as they are, so a re-run changes nothing and an interrupted import resumes. "
            + "Exit code 4 when some records could not be imported.") { file, format, batch, dryRun, report, hashKey, saltSeparator, rounds, memCost };
        command.SetAction(async (parse, ct) =>
        {
            var source = parse.GetRequiredValue(file);
            if (!source.Exists)
            {
                Console.Error.WriteLine($"No such file: {source.FullName}");
                return 2;
            }
            var firebase = parse.GetValue(hashKey) is { } key && parse.GetValue(saltSeparator) is { } separator
                ? new Core.Credentials.FirebaseHashConfig(key, separator, parse.GetValue(rounds), parse.GetValue(memCost)) : null;
            if (parse.GetRequiredValue(format) == ImportFormats.Firebase && firebase is null)
            {
                Console.Error.WriteLine("--format firebase needs the project's --hash-key and --salt-separator (Firebase console: Authentication, Users, Password hash parameters).");
                return 2;
            }
            var options = new ImportOptions(Math.Clamp(parse.GetValue(batch), 1, ImportOptions.MaxBatchSize), parse.GetValue(dryRun), firebase);
            var reportPath = parse.GetValue(report)?.FullName ?? source.FullName + ".report.csv";
            await using var app = await CommandHost.StartAsync(HostArguments.From(parse), ct);
            var summary = await ImportRun.RunAsync(app.Services, source, parse.GetRequiredValue(format), options, reportPath, ct);
            return summary.Failed > 0 ? 4 : 0;
        });
        return command;
    }

    private static Command Export()
    {
        var file = new Argument<string>("file") { Description = "Where to write the JSON; '-' for standard output." };
        var hashes = new Option<bool>("--include-password-hashes") { Description = "Include password hashes (treat the file as a secret)." };
        var command = new Command("export", "Write every account as JSON, in the format 'users import --format json' reads.") { file, hashes };
        command.SetAction(async (parse, ct) =>
        {
            var path = parse.GetRequiredValue(file);
            await using var app = await CommandHost.StartAsync(HostArguments.From(parse), ct);
            await using var scope = app.Services.CreateAsyncScope();
            var exporter = scope.ServiceProvider.GetRequiredService<UserExportService>();
            await using var output = path == "-" ? Console.OpenStandardOutput() : File.Create(path);
            var count = await exporter.ExportAsync(output, parse.GetValue(hashes), null, ct);
            // On standard output the JSON is the output; the count goes to standard error.
            (path == "-" ? Console.Error : Console.Out).WriteLine($"Exported {count} account(s){(path == "-" ? "" : " to " + path)}.");
            return 0;
        });
        return command;
    }
}
