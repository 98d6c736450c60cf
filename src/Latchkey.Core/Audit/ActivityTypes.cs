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
    public const string RecoveryCodesGenerated = "2fa.recovery_codes_generated";
    public const string RecoveryCodeUsed = "2fa.recovery_code_used";
    public const string PasskeyAdded = "passkey.added";
    public const string PasskeyRemoved = "passkey.removed";
    public const string SessionElevated = "session.elevated";
}
