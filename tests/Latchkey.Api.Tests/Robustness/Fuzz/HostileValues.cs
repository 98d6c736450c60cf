using System.Text.Json.Nodes;
using CsCheck;

namespace Latchkey.Api.Tests.Robustness.Fuzz;

/// <summary>
/// Values a careless handler, store or template chokes on: control and format characters, lone surrogates,
/// injection strings, numbers past every integer type, wrong JSON types and deep nesting.
/// </summary>
public static class HostileValues
{
    private static readonly string[] Strings =
    [
        "", " ", "\u0000", "a\u0000b", "\u0007\u001b[31m", "\r\nSet-Cookie: x=1", "\t", "\u202Eevil", "\u200B", "\uFEFF",
        "\uD800", "\uDFFF", "😀", "ﷺ", "Ω≈ç√", "null", "undefined", "NaN", "-0", "1e309", "0x7fffffff",
        "' OR '1'='1", "'; DROP TABLE users;--", "\" OR \"\"=\"", "%00", "%2e%2e%2f", "../../../../etc/passwd", "..\\..\\windows",
        "<script>alert(1)</script>", "javascript:alert(1)", "data:text/html,<b>", "${jndi:ldap://x/a}", "{{7*7}}", "__proto__",
        "http://169.254.169.254/latest/meta-data/", "//evil.test", "/\\evil.test", "https://evil.test/", "file:///etc/passwd",
        "a@b", "@example.com", "user@", "user@@example.com", "user@example..com", "\"quoted\"@example.com", "user@[127.0.0.1]",
        "eyJhbGciOiJub25lIn0.e30.", "Bearer x", "0190d2a0-0000-7000-8000-000000000001", "00000000-0000-0000-0000-000000000000",
    ];

    private static readonly string[] Numbers =
        ["0", "-1", "2147483648", "-2147483649", "9223372036854775808", "-9223372036854775809", "1e309", "-1e309", "1.5", "1e-400", "123456789012345678901234567890"];

    /// <summary>A string from the list, a long run of one character, or random Unicode of any length up to 300.</summary>
    public static readonly Gen<string> String = Gen.Frequency(
        (6, Gen.OneOf(Strings)),
        (2, Gen.String[0, 300]),
        (1, Gen.Int[1_000, 80_000].Select(n => new string('a', n))),
        (1, Gen.Char.Array[1, 40].Select(chars => new string(chars))));

    /// <summary>Any JSON value of any type, hostile in its own way; nests at most <paramref name="depth"/> levels.</summary>
    public static Gen<JsonNode?> Value(int depth = 2)
    {
        var scalars = Gen.Frequency(
            (4, String.Select(s => (JsonNode?)JsonValue.Create(s))),
            (2, Gen.OneOf(Numbers).Select(n => JsonNode.Parse(n))),
            (1, Gen.Bool.Select(b => (JsonNode?)JsonValue.Create(b))),
            (1, Gen.Const<JsonNode?>(() => null)),
            // Past the server's 16 levels; deeper still comes as raw bytes (FuzzCases), since JsonNode stops at 64.
            (1, Gen.Int[17, 40].Select(n => JsonNode.Parse(new string('[', n) + new string(']', n)))));
        if (depth <= 0) return scalars;
        var inner = Value(depth - 1);
        return Gen.Frequency(
            (6, scalars),
            (1, inner.Array[0, 4].Select(items => (JsonNode?)new JsonArray(items.Select(i => i?.DeepClone()).ToArray()))),
            (1, Gen.Select(String.Array[0, 3], inner.Array[3], (keys, values) =>
            {
                var obj = new JsonObject();
                for (var i = 0; i < keys.Length; i++) obj[keys[i]] = values[i]?.DeepClone();
                return (JsonNode?)obj;
            })));
    }
}
