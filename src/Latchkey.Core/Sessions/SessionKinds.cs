namespace Latchkey.Core.Sessions;

public static class SessionKinds
{
    public const string Cookie = "cookie";
    public const string Bearer = "bearer";
    /// <summary>A grant to an OAuth client: scoped tokens, never a first-party credential.</summary>
    public const string OAuth = "oauth";
}

public static class AuthMethods
{
    public const string Password = "password";
    /// <summary>A passkey with user verification: possession and a biometric or PIN, both factors at once.</summary>
    public const string Passkey = "passkey";
    public const string Anonymous = "anonymous";
    public const string PersonalAccessToken = "personal_access_token";
    public const string MagicLink = "magic_link";
    public const string EmailCode = "email_code";
    public const string SmsCode = "sms_code";
    /// <summary>An upstream provider (code flow or ID token); the activity row names which.</summary>
    public const string Social = "social";
    public const string OAuth = "oauth";
    /// <summary>An administrator's impersonation session (<see cref="Session.ImpersonatorId"/>).</summary>
    public const string Impersonation = "impersonation";
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
    public const string CodeReuse = "authorization_code_reuse";
    public const string TokenRevoked = "token_revoked";
    public const string ConsentRevoked = "consent_revoked";
    public const string ClientRemoved = "client_removed";
    public const string ImpersonationStopped = "impersonation_stopped";
    /// <summary>An administrator locked, disabled, re-roled or deleted the account, or forced a password reset.</summary>
    public const string Admin = "admin";
    public const string EndSession = "end_session";
}
