namespace Latchkey.Core.Webhooks;

/// <summary>The event types a subscription may name (docs/webhooks.md describes each payload).</summary>
public static class WebhookEventTypes
{
    public const string UserCreated = "user.created";
    public const string UserUpdated = "user.updated";
    public const string UserDeleted = "user.deleted";
    public const string UserLocked = "user.locked";
    public const string UserUnlocked = "user.unlocked";
    public const string LoginSuccess = "login.success";
    public const string LoginFailed = "login.failed";
    public const string Logout = "logout";
    public const string PasswordChanged = "password.changed";
    public const string PasswordReset = "password.reset";
    public const string EmailChanged = "email.changed";
    public const string TwoFactorEnabled = "2fa.enabled";
    public const string TwoFactorDisabled = "2fa.disabled";
    public const string PasskeyAdded = "passkey.added";
    public const string PasskeyRemoved = "passkey.removed";
    public const string SessionRevoked = "session.revoked";
    public const string OAuthConsentGranted = "oauth.consent.granted";
    public const string OAuthConsentRevoked = "oauth.consent.revoked";
    public const string LicenseCreated = "license.created";
    public const string LicenseUpdated = "license.updated";
    public const string LicenseActivated = "license.activated";
    public const string LicenseDeactivated = "license.deactivated";
    public const string LicenseExpired = "license.expired";
    /// <summary>Sent only by <c>POST /api/admin/webhooks/{id}/test</c>, to that endpoint, whatever it subscribes to.</summary>
    public const string Test = "webhook.test";

    public static readonly IReadOnlyList<string> All =
    [
        UserCreated, UserUpdated, UserDeleted, UserLocked, UserUnlocked, LoginSuccess, LoginFailed, Logout,
        PasswordChanged, PasswordReset, EmailChanged, TwoFactorEnabled, TwoFactorDisabled, PasskeyAdded, PasskeyRemoved,
        SessionRevoked, OAuthConsentGranted, OAuthConsentRevoked,
        LicenseCreated, LicenseUpdated, LicenseActivated, LicenseDeactivated, LicenseExpired,
    ];

    private static readonly HashSet<string> Known = new(All, StringComparer.Ordinal);

    public static bool IsKnown(string type) => Known.Contains(type);
}
