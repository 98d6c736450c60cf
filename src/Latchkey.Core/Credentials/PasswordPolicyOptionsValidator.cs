using Microsoft.Extensions.Options;

namespace Latchkey.Core.Credentials;

/// <summary>Checks policy and breach-check settings at startup; each failure names its configuration key.</summary>
internal sealed class PasswordPolicyOptionsValidator : IValidateOptions<PasswordPolicyOptions>
{
    private const string Section = PasswordServiceCollectionExtensions.SectionPath + ":Policy";
    private const string Breach = Section + ":BreachCheck";

    // OWASP ASVS 5 (V6.2) requires at least 8, and at least 64 must be accepted so passphrases fit.
    private const int LowestMinLength = 8;
    private const int LowestMaxLength = 64;
    private const int MaxTimeoutMs = 60_000;

    public ValidateOptionsResult Validate(string? name, PasswordPolicyOptions options)
    {
        var failures = new List<string>();
        if (options.MinLength < LowestMinLength)
        {
            failures.Add($"{Section}:MinLength must be at least {LowestMinLength} (got {options.MinLength}).");
        }

        if (options.MaxLength < LowestMaxLength)
        {
            failures.Add($"{Section}:MaxLength must be at least {LowestMaxLength} (got {options.MaxLength}).");
        }
        else if (options.MaxLength < options.MinLength)
        {
            failures.Add($"{Section}:MaxLength ({options.MaxLength}) must not be below MinLength ({options.MinLength}).");
        }

        if (options.MinZxcvbnScore is < 0 or > 4)
        {
            failures.Add($"{Section}:MinZxcvbnScore must be between 0 and 4 (got {options.MinZxcvbnScore}).");
        }

        ValidateBreachCheck(options.BreachCheck, failures);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void ValidateBreachCheck(BreachCheckOptions? breach, List<string> failures)
    {
        if (breach is null)
        {
            return;
        }

        var mode = breach.Mode?.Trim() ?? string.Empty;
        if (!BreachCheckModes.All.Contains(mode, StringComparer.OrdinalIgnoreCase))
        {
            failures.Add($"{Breach}:Mode must be one of {string.Join(", ", BreachCheckModes.All)} (got '{breach.Mode}').");
            return;
        }

        if (breach.TimeoutMs is < 1 or > MaxTimeoutMs)
        {
            failures.Add($"{Breach}:TimeoutMs must be between 1 and {MaxTimeoutMs} (got {breach.TimeoutMs}).");
        }

        if (mode.Equals(BreachCheckModes.Hibp, StringComparison.OrdinalIgnoreCase)
            && !(Uri.TryCreate(breach.HibpBaseUrl, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http"))
        {
            failures.Add($"{Breach}:HibpBaseUrl must be an absolute http(s) URL (got '{breach.HibpBaseUrl}').");
        }

        if (mode.Equals(BreachCheckModes.File, StringComparison.OrdinalIgnoreCase))
        {
            if (string.IsNullOrWhiteSpace(breach.PrefixFilePath))
            {
                failures.Add($"{Breach}:PrefixFilePath is required when Mode is 'file'.");
            }
            else if (!File.Exists(breach.PrefixFilePath))
            {
                failures.Add($"{Breach}:PrefixFilePath '{breach.PrefixFilePath}' does not exist.");
            }
        }
    }
}
