namespace Latchkey.Core.Credentials;

/// <summary>Whether and how new passwords are checked against known breaches (<c>Latchkey:Passwords:Policy:BreachCheck</c>).</summary>
public sealed class BreachCheckOptions
{
    /// <summary>One of <see cref="BreachCheckModes"/>. Off by default: the HIBP mode sends data to a third party.</summary>
    public string Mode { get; set; } = BreachCheckModes.Off;

    public string HibpBaseUrl { get; set; } = "https://api.pwnedpasswords.com";

    /// <summary>Upper bound on one check, so a slow breach service cannot stall registration.</summary>
    public int TimeoutMs { get; set; } = 2000;

    /// <summary>For mode <c>file</c>: uppercase SHA-1 hex per line, optionally <c>:count</c>, sorted ascending.</summary>
    public string? PrefixFilePath { get; set; }

    /// <summary>
    /// When the check cannot complete: false lets the password through (logged as a warning), true rejects it.
    /// </summary>
    public bool FailClosed { get; set; }
}
