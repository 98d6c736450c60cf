using Latchkey.Data;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace Latchkey.Server;

/// <summary>Tells the operator, in plain words, where the server listens and where its data and mail go.</summary>
internal static class StartupBanner
{
    public static void Print(WebApplication app)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var database = app.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        var storage = database.Provider == DatabaseOptions.Sqlite
            ? $"SQLite at {Path.GetFullPath(database.SqlitePath)}"
            : "PostgreSQL (ConnectionStrings:Latchkey)";
        var outbox = Path.GetFullPath(app.Configuration["Latchkey:Email:OutboxPath"] ?? "data/outbox");
        Console.WriteLine($"""
            Latchkey is running.
              Listening on:   {string.Join(", ", addresses)}
              Database:       {storage}
              Email outbox:   {outbox} (Latchkey:Email:Mode={app.Configuration["Latchkey:Email:Mode"] ?? "outbox"})
              API reference:  {addresses.FirstOrDefault()}/docs
            """);
    }
}
