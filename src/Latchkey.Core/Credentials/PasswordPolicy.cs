using Latchkey.Core.Common;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Latchkey.Core.Credentials;

/// <summary>
/// Decides whether a new password is acceptable: length, the common-password list, a zxcvbn guessability
/// estimate and, if enabled, known breaches. Cheap rules run first so the network is only used when they pass.
/// Failures are <see cref="AuthErrorCodes.WeakPassword"/> with a message for the user and the failed rule in
/// <see cref="AuthError.Details"/> under <c>rule</c>.
/// </summary>
public sealed partial class PasswordPolicy(
    IOptions<PasswordPolicyOptions> options,
    IBreachedPasswordChecker breachChecker,
    ILogger<PasswordPolicy> logger)
{
    public const string RuleTooShort = "too_short";
    public const string RuleTooLong = "too_long";
    public const string RuleCommon = "common_password";
    public const string RuleTooGuessable = "too_guessable";
    public const string RuleBreached = "breached";
    public const string RuleBreachCheckUnavailable = "breach_check_unavailable";

    public async Task<Result<Unit>> CheckAsync(
        string password, IReadOnlyList<string> userInputs, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(password);
        var settings = options.Value;

        // Code points, not UTF-16 units: an emoji is one character to the person typing it.
        var length = CountCodePoints(password);
        if (length < settings.MinLength)
        {
            return Weak(RuleTooShort, $"Password is too short: use at least {settings.MinLength} characters.");
        }

        if (length > settings.MaxLength)
        {
            return Weak(RuleTooLong, $"Password is too long: use at most {settings.MaxLength} characters.");
        }

        if (settings.CheckCommonPasswords && CommonPasswords.Contains(password))
        {
            return Weak(RuleCommon, "This is one of the most commonly used passwords. Choose a different one.");
        }

        if (settings.MinZxcvbnScore > 0)
        {
            var strength = PasswordStrength.Estimate(password, userInputs);
            if (strength.Score < settings.MinZxcvbnScore)
            {
                return Weak(RuleTooGuessable, $"This password is too easy to guess. {strength.Hint}");
            }
        }

        // The checker is chosen at start; an administrator may switch the check off at run time (options overlay).
        var breached = settings.BreachCheckSwitchedOff ? null : await breachChecker.IsBreachedAsync(password, cancellationToken);
        if (breached == true)
        {
            return Weak(RuleBreached, "This password has appeared in a data breach. Choose a different one.");
        }

        if (breached is null)
        {
            var failClosed = settings.BreachCheck.FailClosed;
            LogBreachCheckUnavailable(logger, failClosed ? "rejected" : "allowed");
            if (failClosed)
            {
                return Weak(
                    RuleBreachCheckUnavailable,
                    "We could not check this password against known data breaches right now. Please try again later.");
            }
        }

        return Unit.Value;
    }

    private static int CountCodePoints(string value)
    {
        var count = 0;
        foreach (var _ in value.EnumerateRunes())
        {
            count++;
        }

        return count;
    }

    private static AuthError Weak(string rule, string message) =>
        new(AuthErrorCodes.WeakPassword, message, new Dictionary<string, string> { ["rule"] = rule });

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Breach check could not complete; password {Decision} (Latchkey:Passwords:Policy:BreachCheck:FailClosed decides).")]
    private static partial void LogBreachCheckUnavailable(ILogger logger, string decision);
}
