using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.Extensions.Logging.Console;

namespace Latchkey.Server;

/// <summary>
/// Console logs people can read where people read them: one line of text per entry in Development, one JSON
/// object per line elsewhere (what log shippers parse). <c>Logging:Console:FormatterName</c> (<c>simple</c> or
/// <c>json</c>) overrides the choice.
/// </summary>
internal static class ConsoleLogging
{
    public const string Text = "simple";
    public const string Json = "json";

    public static void AddLatchkeyConsoleLogging(this WebApplicationBuilder builder)
    {
        // Read when the options are built, so every configuration source (a test host's too) has been added.
        var configuration = builder.Configuration;
        var development = builder.Environment.IsDevelopment();
        builder.Services.PostConfigure<ConsoleLoggerOptions>(o =>
            o.FormatterName = FormatterFor(configuration["Logging:Console:FormatterName"], development));

        // Links carry '&' and '+': the default encoder writes them as \u0026 and \u002B, which nobody can click.
        // Log lines are not HTML, so the relaxed encoder (which still escapes quotes and control characters) is right.
        builder.Services.PostConfigure<JsonConsoleFormatterOptions>(o =>
            o.JsonWriterOptions = new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, Indented = o.JsonWriterOptions.Indented });

        // The timestamp format is shared with the JSON formatter; in text it needs a space before the level.
        builder.Services.PostConfigure<SimpleConsoleFormatterOptions>(o =>
        {
            if (o.TimestampFormat is { Length: > 0 } format && !format.EndsWith(' ')) o.TimestampFormat = format + " ";
        });
    }

    /// <summary>The formatter to use: the configured one, else text in Development and JSON elsewhere.</summary>
    public static string FormatterFor(string? configured, bool development) =>
        string.IsNullOrWhiteSpace(configured) ? (development ? Text : Json) : configured;
}
