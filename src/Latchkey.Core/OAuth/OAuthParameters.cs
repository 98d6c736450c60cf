using Microsoft.Extensions.Primitives;

namespace Latchkey.Core.OAuth;

/// <summary>
/// OAuth request parameters as the RFCs read them: each at most once (RFC 6749 §3.1), and an empty
/// value is the same as an absent one.
/// </summary>
public static class OAuthParameters
{
    public static (Dictionary<string, string> Values, List<string> Repeated) From(IEnumerable<KeyValuePair<string, StringValues>> source)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var repeated = new List<string>();
        foreach (var (key, value) in source)
        {
            if (value.Count > 1) repeated.Add(key);
            if (value.Count >= 1 && !string.IsNullOrEmpty(value[0])) values[key] = value[0]!;
        }
        return (values, repeated);
    }
}
