namespace Latchkey.Data.KeyRing;

/// <summary>
/// What <c>config check</c> (and a production start, as warnings) says about the wrapping key beyond parsing: in
/// production a key must be set, and its file must not be readable by other users; anywhere, a key must look random.
/// </summary>
public static class WrappingKeyAudit
{
    public static IReadOnlyList<string> Problems(WrappingKeyOptions options, bool production)
    {
        var problems = new List<string>();
        WrappingKey? current;
        try
        {
            current = WrappingKeySet.Load(options).Current;
        }
        catch (WrappingKeyException)
        {
            return problems; // reported by the options validation already
        }
        const string prefix = WrappingKeyOptions.Section + ":";
        if (current is null)
        {
            if (production)
                problems.Add($"No {prefix}WrappingKey (or WrappingKeyFile): the Data Protection key ring, which opens signing keys and TOTP "
                    + "secrets, is stored in clear in the database. Set one (openssl rand -base64 32), then run: latchkey keys rewrap");
            return problems;
        }
        if (current.LooksWeak)
            problems.Add($"{prefix}WrappingKey is weak (too few distinct bytes to come from a random generator): make one with openssl rand -base64 32.");
        if (production && !string.IsNullOrWhiteSpace(options.WrappingKeyFile) && !OperatingSystem.IsWindows()
            && (File.GetUnixFileMode(options.WrappingKeyFile) & (UnixFileMode.GroupRead | UnixFileMode.OtherRead)) != 0)
            problems.Add($"{prefix}WrappingKeyFile '{options.WrappingKeyFile}' is readable by other users: chmod 600 (or 400) it.");
        return problems;
    }
}
