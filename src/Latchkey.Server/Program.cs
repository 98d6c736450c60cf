using Latchkey.Server;

// `latchkey` serves; `latchkey migrate` applies migrations and exits; `latchkey schema-script`
// prints the schema the model expects (used when writing a new migration script).
var builder = WebApplication.CreateBuilder(args.Where(a => !Commands.IsCommand(a)).ToArray());
builder.AddLatchkey();
var app = builder.Build();

if (Commands.Find(args) is { } command) return await Commands.RunAsync(command, app);

await app.StartLatchkeyAsync();
app.UseLatchkey();
await app.RunAsync();
return 0;

/// <summary>Visible to the test host (WebApplicationFactory).</summary>
public partial class Program;
