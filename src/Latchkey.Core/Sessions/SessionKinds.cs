namespace Latchkey.Core.Sessions;

public static class SessionKinds
{
    public const string Cookie = "cookie";
    public const string Bearer = "bearer";
}

public static class AuthMethods
{
    public const string Password = "password";
    public const string Anonymous = "anonymous";
    public const string PersonalAccessToken = "personal_access_token";
    public const string MagicLink = "magic_link";
    public const string EmailCode = "email_code";
    public const string SmsCode = "sms_code";
    /// <summary>An upstream provider (code flow or ID token); the activity row names which.</summary>
    public const string Social = "social";
}

public static class RevokeReasons
{
    public const string Logout = "logout";
    public const string RevokeAll = "revoke_all";
    public const string PasswordChanged = "password_changed";
    public const string PasswordReset = "password_reset";
    public const string RefreshTokenReuse = "refresh_token_reuse";
    /// <summary>A social sign-in took over an account whose address had never been proven.</summary>
    public const string EmailOwnershipProven = "email_proven_upstream";
}
