namespace Latchkey.Core.Credentials;

/// <summary>Values of <see cref="BreachCheckOptions.Mode"/> (compared case-insensitively).</summary>
public static class BreachCheckModes
{
    public const string Off = "off";

    /// <summary>Have I Been Pwned's Pwned Passwords range API (k-anonymity: only 5 hex digits of SHA-1 leave).</summary>
    public const string Hibp = "hibp";

    /// <summary>A local sorted file of SHA-1 hashes, for installations that must not call out.</summary>
    public const string File = "file";

    public static readonly IReadOnlyList<string> All = [Off, Hibp, File];
}
