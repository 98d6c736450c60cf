using Latchkey.Core.Credentials;

namespace Latchkey.Core.Tests.Credentials;

/// <summary>
/// The estimator's speed-ups (matchers built once per process, at most 64 characters evaluated) must not change
/// what the policy refuses: every password of a corpus of weak and strong ones, short and long, gets the same
/// verdict as the library's own untruncated estimate with its own freshly built matchers.
/// </summary>
public sealed class PasswordStrengthVerdictTests
{
    private const int DefaultMinScore = 3;

    private static readonly string[] Email = ["Zqxvorth.Plimbley@example.com", "Zqxvorth", "Plimbley"];

    public static TheoryData<string, bool> Corpus() => new()
    {
        // Weak: common passwords, their l33t forms, keyboard walks, repeats, sequences, dates, words and digits.
        { "password1", false },
        { "P@ssw0rd123", false },
        { "qwertyuiop", false },
        { "aaaaaaaaaaaa", false },
        { "abcdefghijkl", false },
        { "19841985", false },
        { "iloveyou2024", false },
        { "dragon123456", false },
        { "monkeymonkey", false },
        { "1q2w3e4r5t6y", false },
        // Weak and long: past 64 characters, past 100, and at the policy's 256. (This zxcvbn port does not
        // see repeated multi-character blocks such as "qwerty" x 20 as weak, truncated or not.)
        { string.Concat(Enumerable.Repeat("password", 12)), false },
        { new string('a', 100), false },
        { new string('x', 256), false },
        // Strong: passphrases and random strings, short and long.
        { "Blue-Kettle-Orbit-7", true },
        { "tundra-Velvet-9-quasar", true },
        { "xK9#mP2$vL7q", true },
        { "the quiet orange lighthouse hums below seven crooked marble stairs tonight", true },
        { "Wq8!zR3&kD5^nB1@tY6*", true },
        { string.Concat(Enumerable.Range(0, 26).Select(i => $"{(char)('a' + (i * 7 % 26))}{(char)('K' + (i % 13))}{i % 10}l1|7@$-"))[..256], true },
        { "Correct-Horse-Battery-Staple-Gizmo-Trellis-Pumpkin-Quartz-Lantern-Ferry-Oboe", true },
    };

    [Theory]
    [MemberData(nameof(Corpus))]
    public void Verdict_is_the_expected_one_and_matches_the_full_untruncated_estimate(string password, bool accepted)
    {
        var reference = global::Zxcvbn.Zxcvbn.MatchPassword(password, UserInputTokens.Expand([])).Score >= DefaultMinScore;
        var estimated = PasswordStrength.Estimate(password, []).Score >= DefaultMinScore;

        Assert.Equal(accepted, reference);
        Assert.Equal(reference, estimated);
    }

    [Theory]
    [InlineData("zqxvorthplimbley")]
    [InlineData("Zqxv0rthPl1mbley!")]
    public void Passwords_built_from_the_users_details_are_refused_as_by_the_full_estimate(string password)
    {
        var reference = global::Zxcvbn.Zxcvbn.MatchPassword(password, UserInputTokens.Expand(Email)).Score;

        Assert.True(reference < DefaultMinScore);
        Assert.True(PasswordStrength.Estimate(password, Email).Score < DefaultMinScore);
    }

    [Fact]
    public void Only_the_first_64_characters_are_evaluated()
    {
        // Guessing a password means guessing its prefix too, so a prefix rated hard to guess keeps the whole
        // password at least that hard; the characters after it would only cost CPU (quadratic in length).
        var prefix = "the quiet orange lighthouse hums below seven crooked marble stairs"[..64];

        var withWeakTail = PasswordStrength.Estimate(prefix + new string('a', 150), []);

        Assert.Equal(PasswordStrength.Estimate(prefix, []), withWeakTail);
    }

    [Fact]
    public void Word_lists_are_built_once_not_per_estimate()
    {
        PasswordStrength.Estimate("warm-up-the-lists", []);
        var before = GC.GetAllocatedBytesForCurrentThread();

        for (var i = 0; i < 10; i++) PasswordStrength.Estimate($"tundra-Velvet-{i}-quasar", ["signup@bench.test", "Bench", "User"]);

        // Rebuilding zxcvbn's ranked word lists (about 85,000 entries) allocates several megabytes per call;
        // an estimate with the lists built allocates a few hundred kilobytes at most.
        var perEstimate = (GC.GetAllocatedBytesForCurrentThread() - before) / 10;
        Assert.True(perEstimate < 1_000_000, $"{perEstimate:N0} bytes allocated per estimate");
    }
}
