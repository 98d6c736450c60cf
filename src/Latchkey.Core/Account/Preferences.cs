namespace Latchkey.Core.Account;

/// <summary>The closed sets the preferences choose from.</summary>
public static class Preferences
{
    /// <summary>Date formats the pages and mails can render (Unicode-style patterns, as clients expect them).</summary>
    public static readonly IReadOnlyList<string> DateFormats = ["YYYY-MM-DD", "DD/MM/YYYY", "MM/DD/YYYY", "DD.MM.YYYY"];

    /// <summary>
    /// Security notices a person may turn off. Only notices that are a convenience are listed: the mail
    /// to the old address after an email change, or a password reset link, cannot be refused, since they
    /// are what warns the owner of a takeover.
    /// </summary>
    public const string ApiKeysRevoked = "api_keys_revoked";

    public static readonly IReadOnlyList<string> NotificationNames = [ApiKeysRevoked];
}
