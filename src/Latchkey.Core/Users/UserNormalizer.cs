using System.Net.Mail;

namespace Latchkey.Core.Users;

/// <summary>One place that decides what "the same email" and "the same username" mean.</summary>
public static class UserNormalizer
{
    public const int MaxEmailLength = 254;

    public static string NormalizeEmail(string email) => email.Trim().ToUpperInvariant();

    public static string NormalizeUsername(string username) => username.Trim().ToUpperInvariant();

    /// <summary>A syntactic check only (RFC 5321 length, one @, a dot in the domain); ownership is proven by verification.</summary>
    public static bool IsValidEmail(string? email)
    {
        if (string.IsNullOrWhiteSpace(email) || email.Length > MaxEmailLength) return false;
        var trimmed = email.Trim();
        if (trimmed.Any(char.IsWhiteSpace) || trimmed.Any(char.IsControl)) return false;
        var at = trimmed.LastIndexOf('@');
        if (at <= 0 || at == trimmed.Length - 1 || trimmed.IndexOf('@') != at) return false;
        var domain = trimmed[(at + 1)..];
        if (!domain.Contains('.') || domain.StartsWith('.') || domain.EndsWith('.')) return false;
        return MailAddress.TryCreate(trimmed, out var parsed) && parsed.Address == trimmed;
    }
}
