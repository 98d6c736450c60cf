using System.Data.Common;
using System.Net.Sockets;
using Latchkey.Core.Common;
using Microsoft.Extensions.Options;

namespace Latchkey.Server;

/// <summary>
/// Turns what stops a start (a wrong setting, an unreachable database, a busy port) into one line that says
/// what is wrong and how to fix it. Anything else is a bug and keeps its stack trace.
/// </summary>
internal static class StartupFailure
{
    public static string? Describe(Exception exception) => exception switch
    {
        ConfigurationException e => e.Message,
        Cli.UnknownCommandException e => e.Message,
        OptionsValidationException e => $"Invalid setting: {string.Join(" ", e.Failures)} Fix it in appsettings.json or the environment (Latchkey__Section__Key) and start again.",
        // The configuration binder's words for a value of the wrong type ("Failed to convert configuration value at 'Latchkey:...'").
        InvalidOperationException e when e.Message.StartsWith("Failed to convert configuration value", StringComparison.Ordinal) =>
            $"Invalid setting: {OneLine(e.Message)}{Cause(e)}. Fix it in appsettings.json or the environment and start again.",
        AggregateException { InnerExceptions.Count: 1 } e => Describe(e.InnerException!),
        _ when Find<DbException>(exception) is { } e =>
            $"Cannot use the database: {OneLine(e.Message)}{Cause(e)}. Check that it is running and reachable, and ConnectionStrings:Latchkey / Latchkey:Database.",
        _ when Find<SocketException>(exception) is { SocketErrorCode: SocketError.AddressAlreadyInUse } =>
            $"{OneLine(exception.Message)} Another process listens there: stop it, or choose another address with --urls (e.g. --urls http://localhost:5081).",
        _ => null,
    };

    private static T? Find<T>(Exception? exception) where T : Exception
    {
        for (; exception is not null; exception = exception.InnerException)
            if (exception is T found) return found;
        return null;
    }

    private static string Cause(Exception exception) =>
        exception.InnerException is { } inner && !exception.Message.Contains(inner.Message, StringComparison.Ordinal) ? $" ({OneLine(inner.Message)})" : "";

    private static string OneLine(string text) => text.ReplaceLineEndings(" ").Trim().TrimEnd('.');
}
