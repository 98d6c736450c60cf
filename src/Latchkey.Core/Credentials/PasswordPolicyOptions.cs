namespace Latchkey.Core.Credentials;

/// <summary>
/// Rules for new passwords (<c>Latchkey:Passwords:Policy</c>). Deliberately no composition rules
/// ("must contain a digit"): OWASP ASVS 5 and NIST 800-63B favour length and blocklists over them.
/// </summary>
public sealed class PasswordPolicyOptions
{
    /// <summary>Minimum length in Unicode code points.</summary>
    public int MinLength { get; set; } = 8;

    /// <summary>Maximum length in Unicode code points; at least 64 so passphrases and password managers fit.</summary>
    public int MaxLength { get; set; } = 256;

    /// <summary>Lowest acceptable zxcvbn score (0 = accept anything, 4 = very hard to guess).</summary>
    public int MinZxcvbnScore { get; set; } = 3;

    /// <summary>Reject the 10,000 most common passwords, whatever their score.</summary>
    public bool CheckCommonPasswords { get; set; } = true;

    public BreachCheckOptions BreachCheck { get; set; } = new();

    /// <summary>
    /// Set by the runtime settings (<c>passwordBreachCheck: false</c>), not by configuration: skips the
    /// configured breach check, whose source is chosen at start, until an administrator turns it back on.
    /// </summary>
    public bool BreachCheckSwitchedOff { get; set; }
}
