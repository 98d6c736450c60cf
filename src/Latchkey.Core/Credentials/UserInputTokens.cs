namespace Latchkey.Core.Credentials;

/// <summary>
/// Expands what we know about the user (email, names) into the words zxcvbn should treat as guessable.
/// zxcvbn only matches whole dictionary entries, so "alice.smith@example.com" alone would not catch "alicesmith1".
/// </summary>
internal static class UserInputTokens
{
    // Shorter fragments ("al", "co") match inside too many unrelated passwords to say anything.
    private const int MinFragmentLength = 3;

    public static List<string> Expand(IEnumerable<string>? inputs)
    {
        var tokens = new HashSet<string>(StringComparer.Ordinal);
        foreach (var input in inputs ?? [])
        {
            if (string.IsNullOrWhiteSpace(input))
            {
                continue;
            }

            var lowered = input.Trim().ToLowerInvariant();
            tokens.Add(lowered);

            var at = lowered.IndexOf('@');
            if (at > 0)
            {
                tokens.Add(lowered[..at]);
            }

            foreach (var fragment in SplitOnSeparators(lowered))
            {
                if (fragment.Length >= MinFragmentLength)
                {
                    tokens.Add(fragment);
                }
            }
        }

        return [.. tokens];
    }

    private static IEnumerable<string> SplitOnSeparators(string value)
    {
        var start = 0;
        for (var i = 0; i <= value.Length; i++)
        {
            if (i == value.Length || !char.IsLetterOrDigit(value[i]))
            {
                if (i > start)
                {
                    yield return value[start..i];
                }

                start = i + 1;
            }
        }
    }
}
