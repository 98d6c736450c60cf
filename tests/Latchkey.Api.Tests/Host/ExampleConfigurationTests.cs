using System.Text.Json;
using Latchkey.Api.Tests.Social;
using Xunit;

namespace Latchkey.Api.Tests.Host;

/// <summary>The example production configuration names only settings that exist and are documented (issue 12, item 10).</summary>
public sealed class ExampleConfigurationTests
{
    private static readonly string Root = OidcProviderProcess.RepoRoot();

    private static IEnumerable<string> Keys(JsonElement element, string prefix) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => Keys(p.Value, prefix.Length == 0 ? p.Name : $"{prefix}:{p.Name}")),
        JsonValueKind.Array => [prefix], // documented as the list itself (`:N`)
        _ => [prefix],
    };

    [Fact]
    public void Every_latchkey_key_of_the_example_is_documented()
    {
        using var example = JsonDocument.Parse(File.ReadAllText(Path.Combine(Root, "docs", "examples", "appsettings.Production.example.json")));
        var documented = File.ReadAllText(Path.Combine(Root, "docs", "configuration.md"));
        var keys = Keys(example.RootElement, "").Where(k => k.StartsWith("Latchkey:", StringComparison.Ordinal) || k.StartsWith("ConnectionStrings:", StringComparison.Ordinal)).ToList();
        Assert.Contains("Latchkey:Database:Provider", keys);
        Assert.Contains("Latchkey:Email:Smtp:Host", keys);
        Assert.Contains("Latchkey:PublicUrl", keys);
        Assert.Contains("Latchkey:Network:TrustedProxies", keys);
        var undocumented = keys.Where(k => !IsDocumented(documented, k)).ToList();
        Assert.True(undocumented.Count == 0, "Not in docs/configuration.md: " + string.Join(", ", undocumented));
    }

    /// <summary>"`Latchkey:Email:Smtp:Username`, `:Password`" documents both keys: a trailing ", `:Name`" counts.</summary>
    private static bool IsDocumented(string documented, string key)
    {
        if (documented.Contains('`' + key + '`', StringComparison.Ordinal) || documented.Contains('`' + key + ":N`", StringComparison.Ordinal)) return true;
        var parent = key[..key.LastIndexOf(':')];
        var leaf = key[(key.LastIndexOf(':') + 1)..];
        return documented.Split('\n').Any(line => line.Contains('`' + parent + ':', StringComparison.Ordinal) && line.Contains("`:" + leaf + '`', StringComparison.Ordinal));
    }
}
