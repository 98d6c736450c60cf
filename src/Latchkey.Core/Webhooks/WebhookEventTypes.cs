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
    // Provisioning by an identity provider over SCIM (the activity types of the same names).
    public const string ScimUserCreated = Scim.ScimActivityTypes.UserCreated;
    public const string ScimUserUpdated = Scim.ScimActivityTypes.UserUpdated;
    public const string ScimUserDeactivated = Scim.ScimActivityTypes.UserDeactivated;
    public const string ScimUserReactivated = Scim.ScimActivityTypes.UserReactivated;
    public const string ScimUserDeleted = Scim.ScimActivityTypes.UserDeleted;
    public const string ScimGroupCreated = Scim.ScimActivityTypes.GroupCreated;
    public const string ScimGroupUpdated = Scim.ScimActivityTypes.GroupUpdated;
    public const string ScimGroupDeleted = Scim.ScimActivityTypes.GroupDeleted;
    public const string ScimTokenCreated = Scim.ScimActivityTypes.TokenCreated;
    public const string ScimTokenRevoked = Scim.ScimActivityTypes.TokenRevoked;

    // Administration: roles, settings, OAuth clients, impersonation.
    public const string AdminRoleCreated = "admin.role.created";
    public const string AdminRoleUpdated = "admin.role.updated";
    public const string AdminRoleDeleted = "admin.role.deleted";
    public const string AdminGroupRolesUpdated = "admin.group.roles_updated";
    public const string AdminSettingsUpdated = "admin.settings.updated";
    public const string AdminImpersonationStarted = "admin.impersonation.started";
    public const string AdminImpersonationStopped = "admin.impersonation.stopped";
    public const string OAuthClientCreated = "oauth.client.created";
    public const string OAuthClientUpdated = "oauth.client.updated";
    public const string OAuthClientDeleted = "oauth.client.deleted";
    public const string OAuthClientSecretRotated = "oauth.client.secret_rotated";

    // Licensing (the expiry from the expiry worker, the rest from the licensing core's activity rows).
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
        ScimUserCreated, ScimUserUpdated, ScimUserDeactivated, ScimUserReactivated, ScimUserDeleted,
        ScimGroupCreated, ScimGroupUpdated, ScimGroupDeleted, ScimTokenCreated, ScimTokenRevoked,
        AdminRoleCreated, AdminRoleUpdated, AdminRoleDeleted, AdminGroupRolesUpdated, AdminSettingsUpdated, AdminImpersonationStarted, AdminImpersonationStopped,
        OAuthClientCreated, OAuthClientUpdated, OAuthClientDeleted, OAuthClientSecretRotated,
        LicenseCreated, LicenseUpdated, LicenseActivated, LicenseDeactivated, LicenseExpired,
    ];

    private static readonly HashSet<string> Known = new(All, StringComparer.Ordinal);

    public static bool IsKnown(string type) => Known.Contains(type);
}
