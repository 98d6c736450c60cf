using Latchkey.Data;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Latchkey.Server;

/// <summary>Tells the operator, in plain words, where the server listens and where its data and mail go.</summary>
internal static class StartupBanner
{
    public static void Print(WebApplication app)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        // Asked of the database context itself: a connection string may name another file than Latchkey:Database:SqlitePath.
        var storage = app.Services.GetRequiredService<DatabaseMigrator>().Location();
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
