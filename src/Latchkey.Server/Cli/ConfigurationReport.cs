using System.Data.Common;

namespace Latchkey.Server.Cli;

/// <summary>
/// The effective configuration as <c>Key = value</c> lines, from every source (appsettings, environment, command line),
/// with secrets masked: a key naming a password, secret, token, key or pepper, and any password inside a connection string.
/// </summary>
internal static class ConfigurationReport
{
    private static readonly string[] Sections = ["Latchkey", "ConnectionStrings", "Urls", "Logging"];
    private static readonly string[] SecretWords = ["password", "secret", "token", "apikey", "privatekey", "pepper", "key", "credential"];
    private const string Mask = "********";

    public static IEnumerable<string> Lines(IConfiguration configuration) =>
        Sections.SelectMany(section => configuration.GetSection(section).AsEnumerable()
                .Concat(configuration[section] is { } top ? [new KeyValuePair<string, string?>(section, top)] : []))
            .Where(pair => pair.Value is not null)
            .DistinctBy(pair => pair.Key, StringComparer.OrdinalIgnoreCase)
            .OrderBy(pair => pair.Key, StringComparer.OrdinalIgnoreCase)
            .Select(pair => $"{pair.Key} = {MaskValue(pair.Key, pair.Value!)}");

    public static string MaskValue(string key, string value)
    {
        if (key.StartsWith("ConnectionStrings:", StringComparison.OrdinalIgnoreCase)) return MaskConnectionString(value);
        // A list's items (PreviousWrappingKeys:0) are named by the list, whose name is plural.
        var name = key.Split(':').Last(segment => !segment.All(char.IsAsciiDigit));
        if (name.Length > 1 && name.EndsWith('s') && key.Split(':')[^1].All(char.IsAsciiDigit)) name = name[..^1];
        return IsSecretName(name) && value.Length > 0 ? Mask : value;
    }

    /// <summary>A setting's last segment that ends with a secret word (ApiKey, ClientSecret, Password...), but not e.g. KeyRefreshInterval.</summary>
    private static bool IsSecretName(string name) =>
        SecretWords.Any(word => name.EndsWith(word, StringComparison.OrdinalIgnoreCase)) && !name.EndsWith("File", StringComparison.OrdinalIgnoreCase);

    private static string MaskConnectionString(string value)
    {
        try
        {
            var builder = new DbConnectionStringBuilder { ConnectionString = value };
            foreach (var key in builder.Keys.Cast<string>().ToList())
                if (key.Contains("password", StringComparison.OrdinalIgnoreCase) || key.Equals("pwd", StringComparison.OrdinalIgnoreCase))
                    builder[key] = Mask;
            return builder.ConnectionString;
        }
        catch (ArgumentException)
        {
            return Mask;
        }
    }
}
