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
    public const string OAuthClientCreated = "oauth_client.created";
    public const string OAuthClientUpdated = "oauth_client.updated";
    public const string OAuthClientDeleted = "oauth_client.deleted";
    public const string OAuthConsentGranted = "oauth.consent_granted";
    public const string OAuthConsentRevoked = "oauth.consent_revoked";
    public const string OAuthCodeReused = "oauth.code_reused";
    public const string OAuthTokenIssued = "oauth.token_issued";
    public const string OAuthDeviceApproved = "oauth.device_approved";
    public const string OAuthEndSession = "oauth.end_session";
    public const string OidcKeyRotated = "oidc_key.rotated";
}
