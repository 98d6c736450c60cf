using System.CommandLine;

namespace Latchkey.Server.Cli;

/// <summary>
/// The tokens a command left unmatched, which are host configuration (<c>--key=value</c> or <c>--key value</c>). A bare
/// word that follows no <c>--key</c> is a mistyped command (<c>latchkey mirgate</c>): refused rather than served.
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
        return [.. tokens];
    }
}

/// <summary>A word on the command line that is neither a command nor a setting.</summary>
internal sealed class UnknownCommandException(string token)
    : Exception($"'{token}' is not a command. Run 'latchkey --help' for the list; settings are written --Section:Key=value.");
