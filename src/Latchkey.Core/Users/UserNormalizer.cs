namespace Latchkey.Core.Users;

/// <summary>One place that decides what "the same email" and "the same username" mean.</summary>
public static class UserNormalizer
{
    public const int MaxEmailLength = 254;

    public static string NormalizeEmail(string email) => email.Trim().ToUpperInvariant();

    public static string NormalizeUsername(string username) => username.Trim().ToUpperInvariant();

    /// <summary>
    /// The one check every surface applies to an email address it stores or mails: RFC 5321 length and an address
    /// the server can deliver that mimics no other (<see cref="DeliverableEmail"/>); ownership is proven by verification.
    /// </summary>
    public static bool IsValidEmail(string? email)
    {
        if (string.IsNullOrWhiteSpace(email) || email.Length > MaxEmailLength) return false;
        return DeliverableEmail.IsValid(email.Trim());
    }
}
