using Latchkey.Core.Common;
using Latchkey.Core.Credentials;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Latchkey.Core.Tests.Credentials;

public sealed class PasswordPolicyTests
{
    // zxcvbn scores this 4; it is in no dictionary.
    private const string StrongPassphrase = "Blue-Kettle-Orbit-7";

    private static readonly IReadOnlyList<string> NoInputs = [];

    [Fact]
    public async Task Strong_passphrase_is_accepted()
    {
        var result = await Policy().CheckAsync(StrongPassphrase, NoInputs, TestContext.Current.CancellationToken);

        Assert.True(result.IsSuccess, result.Error?.Message);
    }

    [Fact]
    public async Task Too_short_is_rejected_with_the_minimum_in_the_message()
    {
        var result = await Policy().CheckAsync("xK9#mP2", NoInputs, TestContext.Current.CancellationToken);

        AssertWeak(result, PasswordPolicy.RuleTooShort);
        Assert.Contains("at least 8 characters", result.Error!.Message);
    }

    [Fact]
    public async Task Length_counts_code_points_not_utf16_units()
    {
        // Seven emoji are 14 UTF-16 units but 7 characters to the person typing them.
        var sevenEmoji = string.Concat(Enumerable.Repeat("🐴", 7));
        var tenEmoji = "🐴🔑🌵🚲🎻🧲🪁🦉🍋🛶";

        AssertWeak(await Policy().CheckAsync(sevenEmoji, NoInputs, TestContext.Current.CancellationToken), PasswordPolicy.RuleTooShort);

        var atMax = await Policy(o => { o.MaxLength = 64; o.MinZxcvbnScore = 0; })
            .CheckAsync(string.Concat(Enumerable.Repeat("🐴", 64)), NoInputs, TestContext.Current.CancellationToken);
        Assert.True(atMax.IsSuccess, atMax.Error?.Message);

        var tenResult = await Policy(o => o.MinZxcvbnScore = 0).CheckAsync(tenEmoji, NoInputs, TestContext.Current.CancellationToken);
        Assert.True(tenResult.IsSuccess, tenResult.Error?.Message);
    }

    [Fact]
    public async Task Sixty_four_and_more_characters_are_accepted()
    {
        var passphrase = "the quiet orange lighthouse hums below seven crooked marble stairs tonight";
        Assert.True(passphrase.Length > 64);

        var result = await Policy().CheckAsync(passphrase, NoInputs, TestContext.Current.CancellationToken);

        Assert.True(result.IsSuccess, result.Error?.Message);
    }

    [Fact]
    public async Task Longer_than_the_maximum_is_rejected()
    {
        var random = new Random(42);
        var tooLong = new string([.. Enumerable.Range(0, 257).Select(_ => (char)random.Next('!', '~'))]);

        var result = await Policy().CheckAsync(tooLong, NoInputs, TestContext.Current.CancellationToken);

        AssertWeak(result, PasswordPolicy.RuleTooLong);
        Assert.Contains("at most 256 characters", result.Error!.Message);

        var atMaximum = await Policy().CheckAsync(tooLong[..256], NoInputs, TestContext.Current.CancellationToken);
        Assert.True(atMaximum.IsSuccess, atMaximum.Error?.Message);
    }

    [Theory]
    [InlineData("baseball")]
    [InlineData("FootBall")]
    [InlineData("qazwsxedcrfv")]
    public async Task Common_password_is_rejected_whatever_its_case(string password)
    {
        // Score 0 would accept anything, so this can only be the list talking.
        var result = await Policy(o => o.MinZxcvbnScore = 0).CheckAsync(password, NoInputs, TestContext.Current.CancellationToken);

        AssertWeak(result, PasswordPolicy.RuleCommon);
        Assert.Contains("most commonly used", result.Error!.Message);
    }

    [Fact]
    public async Task Common_password_check_can_be_turned_off()
    {
        var result = await Policy(o => { o.MinZxcvbnScore = 0; o.CheckCommonPasswords = false; })
            .CheckAsync("baseball", NoInputs, TestContext.Current.CancellationToken);

        Assert.True(result.IsSuccess);
    }

    [Theory]
    [InlineData("aaaaaaaaaaaa", "Repeated characters")]
    [InlineData("abcdefghijkl", "Sequences")]
    [InlineData("19841985", "Dates and years")]
    public async Task Easily_guessed_password_is_rejected_with_a_hint(string password, string hint)
    {
        var result = await Policy(o => o.CheckCommonPasswords = false).CheckAsync(password, NoInputs, TestContext.Current.CancellationToken);

        AssertWeak(result, PasswordPolicy.RuleTooGuessable);
        Assert.StartsWith("This password is too easy to guess.", result.Error!.Message);
        Assert.Contains(hint, result.Error.Message);
    }

    [Fact]
    public async Task Password_built_from_the_users_email_is_rejected()
    {
        const string password = "zqxvorthplimbley";
        var inputs = new[] { "Zqxvorth.Plimbley@example.com", "", "" };

        // On its own the string looks random to zxcvbn; only the user's details make it guessable.
        var withoutInputs = await Policy().CheckAsync(password, NoInputs, TestContext.Current.CancellationToken);
        Assert.True(withoutInputs.IsSuccess, withoutInputs.Error?.Message);

        var result = await Policy().CheckAsync(password, inputs, TestContext.Current.CancellationToken);

        AssertWeak(result, PasswordPolicy.RuleTooGuessable);
        Assert.Contains("name or email address", result.Error!.Message);
    }

    [Fact]
    public async Task Breached_password_is_rejected()
    {
        var checker = new FakeBreachChecker(true);

        var result = await Policy(breachChecker: checker).CheckAsync(StrongPassphrase, NoInputs, TestContext.Current.CancellationToken);

        AssertWeak(result, PasswordPolicy.RuleBreached);
        Assert.Contains("data breach", result.Error!.Message);
        Assert.Equal([StrongPassphrase], checker.Checked);
    }

    [Fact]
    public async Task Breach_check_is_skipped_when_a_cheaper_rule_already_failed()
    {
        var checker = new FakeBreachChecker(true);

        await Policy(breachChecker: checker).CheckAsync("short", NoInputs, TestContext.Current.CancellationToken);

        Assert.Empty(checker.Checked);
    }

    [Fact]
    public async Task Unavailable_breach_check_fails_open_by_default_and_logs_a_warning()
    {
        var logger = new ListLogger<PasswordPolicy>();

        var result = await Policy(breachChecker: new FakeBreachChecker(null), logger: logger)
            .CheckAsync(StrongPassphrase, NoInputs, TestContext.Current.CancellationToken);

        Assert.True(result.IsSuccess);
        Assert.Contains(logger.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("allowed"));
    }

    [Fact]
    public async Task Unavailable_breach_check_rejects_when_fail_closed()
    {
        var result = await Policy(o => o.BreachCheck.FailClosed = true, new FakeBreachChecker(null))
            .CheckAsync(StrongPassphrase, NoInputs, TestContext.Current.CancellationToken);

        AssertWeak(result, PasswordPolicy.RuleBreachCheckUnavailable);
    }

    [Fact]
    public void Common_password_list_is_loaded_from_the_embedded_resource()
    {
        Assert.Equal(10_000, CommonPasswords.Count);
        Assert.True(CommonPasswords.Contains("123456"));
        Assert.True(CommonPasswords.Contains("PASSWORD"));
        Assert.False(CommonPasswords.Contains(StrongPassphrase));
    }

    internal static PasswordPolicy Policy(
        Action<PasswordPolicyOptions>? configure = null,
        IBreachedPasswordChecker? breachChecker = null,
        ILogger<PasswordPolicy>? logger = null)
    {
        var options = new PasswordPolicyOptions();
        configure?.Invoke(options);
        return new PasswordPolicy(
            Options.Create(options),
            breachChecker ?? new FakeBreachChecker(false),
            logger ?? new ListLogger<PasswordPolicy>());
    }

    private static void AssertWeak(Result<Unit> result, string rule)
    {
        Assert.False(result.IsSuccess, $"expected rule {rule} to fail");
        Assert.Equal(AuthErrorCodes.WeakPassword, result.Error.Code);
        Assert.Equal(rule, result.Error.Details?["rule"]);
        Assert.False(string.IsNullOrWhiteSpace(result.Error.Message));
    }
}
