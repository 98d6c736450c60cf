using Zxcvbn.Matcher;

namespace Latchkey.Core.Credentials;

/// <summary>A zxcvbn estimate: score 0–4 and, for weak passwords, a hint the user can act on.</summary>
internal sealed record PasswordStrength(int Score, string Hint)
{
    // zxcvbn's matching grows faster than linearly with length; beyond this many characters the score is
    // already as high as it gets for anything but repetition, so the rest would only cost CPU.
    private const int MaxEvaluatedChars = 64;

    // One estimator for the process: it holds no per-call state, and its matchers (with their word
    // lists) are built once (see ZxcvbnMatchers); `new Zxcvbn()` would rebuild them on every call.
    private static readonly global::Zxcvbn.Zxcvbn Estimator = new(ZxcvbnMatchers.Shared, global::Zxcvbn.Translation.English);

    private const string Suggestion = "Try a longer passphrase of several unrelated words.";

    public static PasswordStrength Estimate(string password, IEnumerable<string>? userInputs)
    {
        var evaluated = Truncate(password);

        var result = Estimator.EvaluatePassword(evaluated, UserInputTokens.Expand(userInputs));

        var warning = Warning(result.MatchSequence ?? []);
        return new PasswordStrength(result.Score, warning is null ? Suggestion : $"{warning} {Suggestion}");
    }

    // This zxcvbn port reports only a score, not the feedback of the original library, so the warning is
    // derived from the weakest kind of pattern it found, in order of how much each gives away.
    private static string? Warning(IList<global::Zxcvbn.Match> matches)
    {
        var dictionaries = matches.OfType<DictionaryMatch>().ToList();
        if (dictionaries.Any(m => m.DictionaryName == "user_inputs"))
        {
            return "It contains your name or email address.";
        }

        if (dictionaries.Any(m => m.DictionaryName == "passwords"))
        {
            return dictionaries.Any(m => m is L33tDictionaryMatch)
                ? "It is a common password with predictable substitutions like '@' for 'a'."
                : "It is built on a commonly used password.";
        }

        var patterns = matches.Select(m => m.Pattern).ToHashSet(StringComparer.Ordinal);
        if (patterns.Contains("spatial"))
        {
            return "Keyboard patterns like 'qwerty' are easy to guess.";
        }

        if (patterns.Contains("repeat"))
        {
            return "Repeated characters like 'aaa' are easy to guess.";
        }

        if (patterns.Contains("sequence"))
        {
            return "Sequences like 'abc' or '6543' are easy to guess.";
        }

        if (patterns.Contains("date") || patterns.Contains("year"))
        {
            return "Dates and years are easy to guess.";
        }

        return dictionaries.Count > 0 ? "Common words and names are easy to guess." : null;
    }

    private static string Truncate(string password)
    {
        if (password.Length <= MaxEvaluatedChars)
        {
            return password;
        }

        var end = char.IsHighSurrogate(password[MaxEvaluatedChars - 1]) ? MaxEvaluatedChars - 1 : MaxEvaluatedChars;
        return password[..end];
    }
}
