namespace Latchkey.Core.Scim;

/// <summary>
/// A SCIM <c>locale</c> (a BCP 47 tag such as <c>fr-CA</c>) against the account's language (<c>users.locale</c>, the
/// two letters every surface serves the person in): decision 78. The filter column (ScimUserColumns) states the same
/// rule in SQL.
/// </summary>
public static class ScimLocale
{
    /// <summary>The tag's language subtag, lower case (<c>fr-CA</c> and <c>fr_ca</c> give <c>fr</c>).</summary>
    public static string Language(string tag) => tag.Split('-', '_')[0].ToLowerInvariant();

    /// <summary>
    /// The tag SCIM sent while the account's language is still its language subtag (or the account has none); once the
    /// person picks another language, the account's. A tag whose language the server does not offer never moved the
    /// account's locale, and is shown only while the account has none.
    /// </summary>
    public static string? Shown(string? sent, string? account) =>
        sent is not null && (account is null || Language(sent).Equals(account, StringComparison.OrdinalIgnoreCase)) ? sent : account;
}
