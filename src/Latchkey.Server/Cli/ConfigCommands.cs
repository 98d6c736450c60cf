using System.CommandLine;
using Latchkey.Core.Users;
using Latchkey.Data.KeyRing;
using Microsoft.Extensions.Options;

namespace Latchkey.Server.Cli;

/// <summary>
/// <c>latchkey config check</c>: every check a start makes before touching the database (each options class, the
/// bootstrap admin's password), all problems listed rather than the first, and the effective configuration with
/// secrets masked. Exit code 1 on any problem.
/// </summary>
internal static class ConfigCommands
{
    public static Command Create()
    {
        var check = new Command("check", "Validate every setting and print the effective configuration (secrets masked). Exit code 1 on a problem.");
        check.SetAction(async (parse, ct) =>
        {
            await using var app = CommandHost.Build(HostArguments.From(parse));
            foreach (var line in ConfigurationReport.Lines(app.Configuration)) Console.WriteLine(line);
            var problems = new List<string>();
            try
            {
                app.Services.GetRequiredService<IStartupValidator>().Validate();
            }
            catch (Exception ex)
            {
                problems.AddRange(Flatten(ex).Select(e => StartupFailure.Describe(e) ?? e.Message));
            }
            try
            {
                await using var scope = app.Services.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<BootstrapAdmin>().ValidateAsync(ct);
            }
            catch (Exception ex) when (StartupFailure.Describe(ex) is { } line)
            {
                problems.Add(line);
            }
            problems.AddRange(WrappingKeyAudit.Problems(app.Services.GetRequiredService<IOptions<WrappingKeyOptions>>().Value,
                app.Environment.IsProduction()));
            Console.WriteLine();
            if (problems.Count == 0)
            {
                Console.WriteLine("Configuration OK.");
                return 0;
            }
            foreach (var problem in problems.Distinct()) Console.Error.WriteLine($"Problem: {problem}");
            return 1;
        });
        return new Command("config", "Configuration.") { check };
    }

    private static IEnumerable<Exception> Flatten(Exception ex) =>
        ex is AggregateException aggregate ? aggregate.InnerExceptions.SelectMany(Flatten) : [ex];
}
