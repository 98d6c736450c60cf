using System.Globalization;
using System.Net.Mail;

namespace Latchkey.Core.Users;

/// <summary>
/// What an email address must be for Latchkey to accept it: one it can actually deliver to, and one that cannot
/// pass for another. The SMTP transport speaks plain RFC 5321 (no SMTPUTF8), so the address is ASCII only: a
/// dot-atom local part and a host name of letters, digits and hyphens. Internationalised domains are accepted in
/// their ASCII (<c>xn--</c>) form, except a label whose Unicode form is made only of ASCII letters and their
/// look-alikes from other scripts (Cyrillic <c>а</c>, Greek <c>ο</c>...): that is the skeleton of an ASCII label
/// (Unicode TR39), a homograph of some existing domain, and never needed by a genuine one. See docs/decisions.md.
/// </summary>
internal static class DeliverableEmail
{
    public const int MaxLocalPartLength = 64;
    private const string AText = "!#$%&'*+/=?^_`{|}~-";
    private static readonly IdnMapping Idn = new() { UseStd3AsciiRules = true };

    /// <summary>Characters of other scripts drawn like an ASCII letter (a subset of TR39's confusables: the common homographs).</summary>
    private static readonly HashSet<char> LatinLookAlikes =
    [
        // Cyrillic
        'а', 'в', 'е', 'к', 'м', 'н', 'о', 'р', 'с', 'т', 'у', 'х', 'ѕ', 'і', 'ј', 'ԁ', 'һ', 'ӏ', 'ԛ', 'ԝ', 'ь', 'ɡ',
        // Greek
        'α', 'ο', 'ν', 'ι', 'κ', 'ρ', 'τ', 'υ', 'ϲ', 'ε', 'χ', 'ω',
        // Armenian
        'ո', 'ս', 'օ', 'հ', 'ց',
    ];

    public static bool IsValid(string trimmed)
    {
        var at = trimmed.LastIndexOf('@');
        if (at <= 0 || at == trimmed.Length - 1 || trimmed.IndexOf('@') != at) return false;
        var (local, domain) = (trimmed[..at], trimmed[(at + 1)..]);
        return IsLocalPart(local) && IsDomain(domain)
            && MailAddress.TryCreate(trimmed, out var parsed) && parsed.Address == trimmed;
    }

    private static bool IsLocalPart(string local)
    {
        if (local.Length > MaxLocalPartLength || local[0] == '.' || local[^1] == '.' || local.Contains("..")) return false;
        foreach (var c in local)
            if (!(char.IsAsciiLetterOrDigit(c) || c == '.' || AText.Contains(c))) return false;
        return true;
    }

    private static bool IsDomain(string domain)
    {
        var labels = domain.Split('.');
        if (labels.Length < 2 || labels[^1].All(char.IsAsciiDigit)) return false;
        foreach (var label in labels)
        {
            if (label.Length is 0 or > 63 || label[0] == '-' || label[^1] == '-') return false;
            foreach (var c in label)
                if (!(char.IsAsciiLetterOrDigit(c) || c == '-')) return false;
            if (label.StartsWith("xn--", StringComparison.OrdinalIgnoreCase) && !IsHonestIdnLabel(label)) return false;
        }
        return true;
    }

    /// <summary>A punycode label that decodes, and whose Unicode form is not just ASCII letters in disguise.</summary>
    private static bool IsHonestIdnLabel(string label)
    {
        string unicode;
        try { unicode = Idn.GetUnicode(label); }
        catch (ArgumentException) { return false; }
        return !unicode.All(c => char.IsAscii(c) || LatinLookAlikes.Contains(char.ToLowerInvariant(c)));
    }
}
