using Latchkey.Core.Settings;
using Latchkey.Data;
using Microsoft.Extensions.Options;

namespace Latchkey.Server.Cli;

/// <summary>
/// The server's services for a command that does not serve: the same composition and the same setting checks as a
/// start, then migrations (when <c>Latchkey:Database:MigrateOnStart</c>) and the administrators' runtime settings,
/// so a command sees the rules the running server enforces.
/// </summary>
internal static class CommandHost
{
    public static WebApplication Build(string[] hostArgs)
    {
        var builder = WebApplication.CreateBuilder(hostArgs);
        builder.AddLatchkey();
        // A command's own output is what the operator reads; the host's information lines would bury it.
        builder.Logging.AddFilter(level => level >= LogLevel.Warning);
        return builder.Build();
    }

    public static async Task<WebApplication> StartAsync(string[] hostArgs, CancellationToken ct)
    {
        var app = Build(hostArgs);
        app.Services.GetRequiredService<IStartupValidator>().Validate();
        if (app.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value.MigrateOnStart)
            await app.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync(ct);
        await app.Services.GetRequiredService<SettingsCache>().RefreshAsync(ct);
        return app;
    }
}
