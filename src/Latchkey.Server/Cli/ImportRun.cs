using System.Globalization;
using Latchkey.Core.Common;
using Latchkey.Core.Users.Import;
using Spectre.Console;

namespace Latchkey.Server.Cli;

/// <summary>
/// One import as the operator watches it: a progress bar over the file's bytes with rate and time left, the skipped
/// records streamed to a CSV report (memory stays flat), and a summary at the end.
/// </summary>
internal static class ImportRun
{
    public static async Task<ImportProgress> RunAsync(IServiceProvider services, FileInfo source, string format, ImportOptions options,
        string reportPath, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var importer = scope.ServiceProvider.GetRequiredService<UserImportService>();
        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        await using var stream = new FileStream(source.FullName, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: true);
        await using var report = new StreamWriter(reportPath, append: false);
        await report.WriteLineAsync("line,email,reason");
        var started = DateTime.UtcNow;

        ImportProgress summary = new(0, 0, 0, 0);
        await AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask(Describe(summary, started), maxValue: Math.Max(1, stream.Length));
                var progress = new SynchronousProgress(p =>
                {
                    task.Value = Math.Min(stream.Position, stream.Length);
                    task.Description = Describe(p, started);
                });
                summary = await importer.ImportAsync(ImportFormats.Read(format, stream, now, ct, options.Firebase), options,
                    skipped => new ValueTask(report.WriteLineAsync(Csv(skipped))), progress, ct);
                task.Value = task.MaxValue;
            });

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{(options.DryRun ? "Dry run: would import" : "Imported")} {summary.Imported}, already present {summary.Existing}, failed {summary.Failed}, of {summary.Read} record(s) in {(DateTime.UtcNow - started).TotalSeconds:F1} s."));
        if (summary.Existing + summary.Failed > 0) Console.WriteLine($"Records not imported, with reasons: {reportPath}");
        return summary;
    }

    private static string Describe(ImportProgress p, DateTime started)
    {
        var seconds = Math.Max(0.001, (DateTime.UtcNow - started).TotalSeconds);
        return string.Create(CultureInfo.InvariantCulture, $"{p.Imported:N0} imported, {p.Existing + p.Failed:N0} skipped, {p.Read / seconds:N0}/s");
    }

    private static string Csv(SkippedRecord record) =>
        string.Join(',', record.Line.ToString(CultureInfo.InvariantCulture), CsvCell.Escape(record.Email ?? ""), CsvCell.Escape(record.Reason));

    /// <summary>Reports on the importing thread: Progress&lt;T&gt; would post to the thread pool and update the bar out of order.</summary>
    private sealed class SynchronousProgress(Action<ImportProgress> report) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => report(value);
    }
}
