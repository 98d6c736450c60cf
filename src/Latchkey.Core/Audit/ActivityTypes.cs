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
    public const string UserDeanonymized = "user.deanonymized";
}
