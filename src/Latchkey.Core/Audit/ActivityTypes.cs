namespace Latchkey.Core.Audit;

public static class ActivityTypes
{
    public const string UserRegistered = "user.registered";
    public const string LoginSucceeded = "login.success";
    public const string LoginFailed = "login.failed";
    public const string AccountLocked = "account.locked";
    public const string Logout = "logout";
    public const string PasswordChanged = "password.changed";
    public const string SessionsRevoked = "sessions.revoked";
    public const string RefreshTokenReused = "session.refresh_token_reused";
    public const string ApiKeyCreated = "api_key.created";
    public const string ApiKeyDeleted = "api_key.deleted";
    public const string TwoFactorEnabled = "2fa.enabled";
    public const string TwoFactorDisabled = "2fa.disabled";
    public const string TwoFactorDefaultChanged = "2fa.default_changed";
    public const string TwoFactorFailed = "2fa.failed";
    public const string TwoFactorCodeSent = "2fa.code_sent";
    public const string RecoveryCodesGenerated = "2fa.recovery_codes_generated";
    public const string RecoveryCodeUsed = "2fa.recovery_code_used";
    public const string PasskeyAdded = "passkey.added";
    public const string PasskeyRemoved = "passkey.removed";
    /// <summary>Only the display name changed: activity for the person, no webhook event.</summary>
    public const string PasskeyRenamed = "passkey.renamed";
    public const string SessionElevated = "session.elevated";
    public const string UserDeanonymized = "user.deanonymized";
    public const string LicensePlanCreated = "license.plan_created";
    public const string LicenseIssued = "license.issued";
    public const string LicenseUpdated = "license.updated";
    public const string LicenseActivated = "license.activated";
    public const string LicenseDeactivated = "license.deactivated";
    public const string LicenseExpired = "license.expired";
    public const string EmailVerificationSent = "email.verification_sent";
    public const string EmailVerified = "email.verified";
    public const string PasswordResetRequested = "password.reset_requested";
    public const string PasswordReset = "password.reset";
    public const string EmailChangeRequested = "email.change_requested";
    public const string EmailChanged = "email.changed";
    public const string SignInCodeSent = "sign_in.code_sent";
    public const string MagicLinkSent = "sign_in.magic_link_sent";
    public const string PhoneVerificationSent = "phone.verification_sent";
    public const string PhoneVerified = "phone.verified";
    public const string MessageDeliveryFailed = "message.delivery_failed";
    public const string SocialLinked = "social.linked";
    public const string SocialConnected = "social.connected";
    public const string SocialDisconnected = "social.disconnected";
    public const string ProfileUpdated = "profile.updated";
    public const string PreferencesUpdated = "preferences.updated";
    public const string AvatarUpdated = "avatar.updated";
    public const string AccountExported = "account.exported";
    /// <summary>Written without a user id or email after the account is gone: that it happened, not who it was.</summary>
    public const string UserDeleted = "user.deleted";
    public const string OAuthClientCreated = "oauth_client.created";
    public const string OAuthClientUpdated = "oauth_client.updated";
    public const string OAuthClientDeleted = "oauth_client.deleted";
    public const string OAuthClientSecretRotated = "oauth_client.secret_rotated";
    public const string ApiResourceCreated = "api_resource.created";
    public const string ApiResourceUpdated = "api_resource.updated";
    public const string ApiResourceDeleted = "api_resource.deleted";
    public const string OAuthConsentGranted = "oauth.consent_granted";
    public const string OAuthConsentRevoked = "oauth.consent_revoked";
    public const string OAuthCodeReused = "oauth.code_reused";
    public const string OAuthTokenIssued = "oauth.token_issued";
    public const string OAuthDeviceApproved = "oauth.device_approved";
    public const string OAuthEndSession = "oauth.end_session";
    public const string OidcKeyRotated = "oidc_key.rotated";
    // Administration: every row names the acting administrator in its details (actorId).
    public const string AdminRoleCreated = "admin.role_created";
    public const string AdminRoleUpdated = "admin.role_updated";
    public const string AdminRoleDeleted = "admin.role_deleted";
    public const string AdminUserUpdated = "admin.user_updated";
    public const string AdminUserDeleted = "admin.user_deleted";
    public const string AdminSessionRevoked = "admin.session_revoked";
    public const string AdminSettingsUpdated = "admin.settings_updated";
    public const string AdminImpersonationStarted = "admin.impersonation_started";
    public const string AdminImpersonationStopped = "admin.impersonation_stopped";
}
