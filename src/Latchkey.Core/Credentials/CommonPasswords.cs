using System.Collections.Frozen;
using System.Reflection;

namespace Latchkey.Core.Credentials;

/// <summary>
/// The shipped list of the 10,000 most common passwords (embedded resource common-passwords.txt).
/// Source: the first 10,000 entries, in frequency-rank order, of the password dictionary embedded in the
/// zxcvbn-core 1.1.17 NuGet package (resource "zxcvbn-core.Dictionaries.passwords.lst"), lowercased.
/// To regenerate, extract that resource and keep its first 10,000 lines.
/// </summary>
internal static class CommonPasswords
{
    private const string ResourceName = "Latchkey.Core.Credentials.common-passwords.txt";

    private static readonly Lazy<FrozenSet<string>> Passwords = new(Load);

    public static int Count => Passwords.Value.Count;

    public static bool Contains(string password) => Passwords.Value.Contains(password);

    private static FrozenSet<string> Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing from Latchkey.Core.");
        using var reader = new StreamReader(stream);

        var entries = new List<string>(10_000);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0)
            {
                entries.Add(line);
            }
        }

        return entries.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
    }
}
