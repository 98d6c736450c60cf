using Zxcvbn;
using Zxcvbn.Matcher;

namespace Latchkey.Core.Credentials;

/// <summary>
/// zxcvbn's matchers, built once per process. The library's own <c>new Zxcvbn()</c> builds a fresh
/// matcher set each time, and each dictionary matcher loads and ranks its word list (about 85,000 entries
/// across six embedded lists) on first use: profiling sign-up showed that rebuild costing more CPU than the
/// Argon2id hash. The same matchers, in the same order and with the same settings as zxcvbn-core 1.1.17's
/// internal <c>DefaultMatcherFactory</c>, so scores are unchanged. Every matcher only reads its state
/// after construction (the word lists sit behind thread-safe <see cref="Lazy{T}"/>), so one set serves
/// all requests at once.
/// </summary>
internal sealed class ZxcvbnMatchers : IMatcherFactory
{
    public static readonly ZxcvbnMatchers Shared = new();

    private readonly IReadOnlyList<IMatcher> matchers;

    private ZxcvbnMatchers()
    {
        List<DictionaryMatcher> dictionaries =
        [
            new("passwords", "passwords.lst"),
            new("english", "english.lst"),
            new("male_names", "male_names.lst"),
            new("female_names", "female_names.lst"),
            new("surnames", "surnames.lst"),
            new("us_tv_and_film", "us_tv_and_film.lst"),
        ];
        matchers =
        [
            new RepeatMatcher(),
            new SequenceMatcher(),
            new RegexMatcher("\\d{3,}", 10, perCharCardinality: true, "digits"),
            new RegexMatcher("19\\d\\d|200\\d|201\\d", 119, perCharCardinality: false, "year"),
            new DateMatcher(),
            new SpatialMatcher(),
            .. dictionaries,
            new L33tMatcher(dictionaries),
        ];
    }

    /// <summary>The shared matchers plus, per call, the user's own words (small: their email and names).</summary>
    public IEnumerable<IMatcher> CreateMatchers(IEnumerable<string> userInputs)
    {
        var userWords = new DictionaryMatcher("user_inputs", userInputs);
        return [.. matchers, userWords, new L33tMatcher(userWords)];
    }
}
