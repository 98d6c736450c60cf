using System.Text;
using System.Text.RegularExpressions;

namespace Latchkey.Api.Tests.Infrastructure;

/// <summary>A received email, parsed from its raw RFC 5322 text (the parts Latchkey writes: text and HTML, base64 or quoted-printable).</summary>
public sealed partial record Email(string To, string From, string Subject, string Text, string Html, string Raw)
{
    /// <summary>The first link in the text part.</summary>
    public string Link => LinkPattern().Match(Text).Value is { Length: > 0 } link ? link : throw new InvalidOperationException("No link in:\n" + Text);

    /// <summary>The <c>token</c> query parameter of the link.</summary>
    public string Token => TokenPattern().Match(Link).Groups[1].Value;

    /// <summary>The first run of 6 to 8 digits in the text part.</summary>
    public string Code => CodePattern().Match(Text).Value;

    public static Email Parse(string raw)
    {
        var (headers, body) = Split(raw);
        var type = Header(headers, "Content-Type");
        var parts = new Dictionary<string, string>();
        if (type.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase))
        {
            var boundary = BoundaryPattern().Match(type).Groups[1].Value;
            foreach (var part in body.Split("--" + boundary).Skip(1).Where(p => !p.StartsWith("--")))
            {
                var (partHeaders, partBody) = Split(part.TrimStart('\r', '\n'));
                parts[Header(partHeaders, "Content-Type").Split(';')[0].Trim().ToLowerInvariant()] = Decode(partHeaders, partBody);
            }
        }
        else parts[type.Split(';')[0].Trim().ToLowerInvariant()] = Decode(headers, body);
        return new Email(Header(headers, "To"), Header(headers, "From"), DecodeWords(Header(headers, "Subject")),
            parts.GetValueOrDefault("text/plain", ""), parts.GetValueOrDefault("text/html", ""), raw);
    }

    private static (string Headers, string Body) Split(string text)
    {
        var normalized = text.Replace("\r\n", "\n");
        var end = normalized.IndexOf("\n\n", StringComparison.Ordinal);
        return end < 0 ? (normalized, "") : (normalized[..end], normalized[(end + 2)..]);
    }

    private static string Header(string headers, string name)
    {
        var unfolded = Regex.Replace(headers, @"\n[ \t]+", " ");
        var match = Regex.Match(unfolded, $"^{name}:[ \t]*(.*)$", RegexOptions.Multiline | RegexOptions.IgnoreCase);
        return match.Success ? match.Groups[1].Value.Trim() : "";
    }

    private static string Decode(string headers, string body) => Header(headers, "Content-Transfer-Encoding").ToLowerInvariant() switch
    {
        "base64" => Encoding.UTF8.GetString(Convert.FromBase64String(string.Concat(body.Where(c => !char.IsWhiteSpace(c))))),
        "quoted-printable" => QuotedPrintable(body),
        _ => body,
    };

    private static string QuotedPrintable(string body)
    {
        var soft = body.Replace("=\n", "");
        var bytes = new List<byte>();
        for (var i = 0; i < soft.Length; i++)
        {
            if (soft[i] == '=' && i + 2 < soft.Length && Uri.IsHexDigit(soft[i + 1]) && Uri.IsHexDigit(soft[i + 2]))
            {
                bytes.Add(Convert.ToByte(soft.Substring(i + 1, 2), 16));
                i += 2;
            }
            else bytes.AddRange(Encoding.UTF8.GetBytes(soft[i].ToString()));
        }
        return Encoding.UTF8.GetString(bytes.ToArray());
    }

    private static string DecodeWords(string value) => EncodedWord().Replace(value, m => m.Groups[2].Value.ToUpperInvariant() == "B"
        ? Encoding.UTF8.GetString(Convert.FromBase64String(m.Groups[3].Value))
        : QuotedPrintable(m.Groups[3].Value.Replace('_', ' ')));

    [GeneratedRegex(@"https?://[^\s<>""]+")]
    private static partial Regex LinkPattern();

    [GeneratedRegex(@"[?&]token=([A-Za-z0-9_-]+)")]
    private static partial Regex TokenPattern();

    [GeneratedRegex(@"\b\d{6,8}\b")]
    private static partial Regex CodePattern();

    [GeneratedRegex(@"boundary=""?([^"";]+)""?", RegexOptions.IgnoreCase)]
    private static partial Regex BoundaryPattern();

    [GeneratedRegex(@"=\?([^?]+)\?([BbQq])\?([^?]*)\?=\s*")]
    private static partial Regex EncodedWord();
}
