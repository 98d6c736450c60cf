using Latchkey.Data;

namespace Latchkey.Server;

/// <summary>The command-line verbs besides serving.</summary>
internal static class Commands
{
    private static readonly string[] Names = ["migrate", "schema-script"];

    public static bool IsCommand(string arg) => Names.Contains(arg);

    public static string? Find(string[] args) => args.FirstOrDefault(IsCommand);

    public static async Task<int> RunAsync(string command, WebApplication app)
    {
        var migrator = app.Services.GetRequiredService<DatabaseMigrator>();
        switch (command)
        {
            case "migrate":
                await migrator.MigrateAsync(CancellationToken.None);
                Console.WriteLine("Migrations applied.");
                return 0;
            case "schema-script":
                Console.WriteLine(migrator.CreateScript());
                return 0;
            default:
                return 2;
        }
    }
}
