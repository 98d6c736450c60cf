namespace Latchkey.Pages.Admin;

/// <summary>How a setting is typed on the settings page and posted to <c>SettingsService</c>.</summary>
public enum SettingKind
{
    Flag,
    Number,
    Text,
    /// <summary>One value per line (a JSON array of strings).</summary>
    Lines,
}

/// <summary>One runtime setting on the settings page: its JSON name (as <c>PUT /api/admin/settings</c> takes it), label, kind and group.</summary>
public sealed record SettingField(string Name, string Label, SettingKind Kind, string Group, string? Hint = null)
{
    public static readonly IReadOnlyList<SettingField> All =
    [
        new("signUpEnabled", "Anyone may create an account", SettingKind.Flag, "Sign-up"),
        new("requireEmailVerification", "New accounts must verify their email before signing in", SettingKind.Flag, "Sign-up"),
        new("allowedRedirectUrls", "Allowed redirect URLs", SettingKind.Lines, "Sign-up", "One absolute http(s) URL per line, at most 50."),
        new("passwordMinLength", "Shortest password", SettingKind.Number, "Passwords and lockout", "8 to 64 characters."),
        new("passwordBreachCheck", "Refuse passwords found in breaches", SettingKind.Flag, "Passwords and lockout", "Needs a configured breach source."),
        new("lockoutThreshold", "Failed sign-ins before a lockout", SettingKind.Number, "Passwords and lockout", "1 to 100."),
        new("lockoutDurationSeconds", "Lockout length (seconds)", SettingKind.Number, "Passwords and lockout", "1 to 86400."),
        new("sessionIdleTimeoutSeconds", "Session idle timeout (seconds)", SettingKind.Number, "Sessions and tokens", "300 to 31536000."),
        new("sessionLifetimeSeconds", "Session lifetime (seconds)", SettingKind.Number, "Sessions and tokens", "300 to 31536000."),
        new("accessTokenLifetimeSeconds", "Access token lifetime (seconds)", SettingKind.Number, "Sessions and tokens", "60 to 86400."),
        new("emailFrom", "Emails come from", SettingKind.Text, "Email and branding", "An email address."),
        new("productName", "Product name", SettingKind.Text, "Email and branding", "Shown in page titles and emails; 1 to 64 characters."),
        new("logoUrl", "Logo URL", SettingKind.Text, "Email and branding", "An https URL, or empty for none."),
        new("accentColor", "Accent colour", SettingKind.Text, "Email and branding", "#rgb or #rrggbb."),
    ];
}
