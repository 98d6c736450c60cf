using System.CommandLine;
using Latchkey.Core.Common;

namespace Latchkey.Server.Cli;

/// <summary>
/// The tokens a command left unmatched, which are host configuration (<c>--key=value</c> or <c>--key value</c>). A bare
/// word that follows no <c>--key</c> is a mistyped command (<c>latchkey mirgate</c>): refused rather than served.
/// A relative <c>--contentRoot</c> is taken from the working directory, as an operator typing it expects (the host
/// would resolve it against the executable's folder), and one that does not exist is refused in one line rather
/// than as the host's stack trace.
/// </summary>
internal static class HostArguments
{
    public static string[] From(ParseResult parse)
    {
        var tokens = parse.UnmatchedTokens;
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (token.StartsWith("--", StringComparison.Ordinal) || token.StartsWith('/')) continue;
            var previous = i > 0 ? tokens[i - 1] : null;
            if (previous is not null && previous.StartsWith("--", StringComparison.Ordinal) && !previous.Contains('=')) continue;
            throw new UnknownCommandException(token);
        }
        var args = tokens.ToArray();
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i].StartsWith(ContentRoot + "=", StringComparison.OrdinalIgnoreCase))
                args[i] = ContentRoot + "=" + ExistingDirectory(args[i][(ContentRoot.Length + 1)..]);
            else if (string.Equals(args[i], ContentRoot, StringComparison.OrdinalIgnoreCase) && i + 1 < args.Length)
                args[i + 1] = ExistingDirectory(args[i + 1]);
        }
        return args;
    }

    private const string ContentRoot = "--contentRoot";

    private static string ExistingDirectory(string path)
    {
        var full = Path.GetFullPath(path, Environment.CurrentDirectory);
        return Directory.Exists(full) ? full
            : throw new ConfigurationException($"--contentRoot: the directory '{full}' does not exist. Pass the folder that holds appsettings.json.");
    }
}

/// <summary>A word on the command line that is neither a command nor a setting.</summary>
internal sealed class UnknownCommandException(string token)
    : Exception($"'{token}' is not a command. Run 'latchkey --help' for the list; settings are written --Section:Key=value.");
