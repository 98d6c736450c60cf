using Latchkey.Server;

// `latchkey` serves; `latchkey migrate` applies migrations and exits; `latchkey schema-script`
// prints the schema the model expects (used when writing a new migration script).
// A failure to start is one line on stderr and exit code 1 (StartupFailure); a bug keeps its stack trace.
try
{
    var builder = WebApplication.CreateBuilder(args.Where(a => !Commands.IsCommand(a)).ToArray());
    builder.AddLatchkey();
    var app = builder.Build();

    if (Commands.Find(args) is { } command) return await Commands.RunAsync(command, app);

    await app.StartLatchkeyAsync();
    app.UseLatchkey();
    await app.RunAsync();
    return 0;
}
catch (Exception ex) when (StartupFailure.Describe(ex) is { } line)
{
    Console.Error.WriteLine($"Latchkey cannot start: {line}");
    return 1;
}

/// <summary>Visible to the test host (WebApplicationFactory).</summary>
public partial class Program;
