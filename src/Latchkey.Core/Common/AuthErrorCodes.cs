namespace Latchkey.Core.Common;

/// <summary>
/// The closed set of error codes the core produces. Surfaces switch on these, so a new code
/// means a new row in every translator (the translator tests check that none is missing).
/// </summary>
public static class AuthErrorCodes
{
    public const string InvalidRequest = "invalid_request";
    public const string ValidationFailed = "validation_error";
    public const string WeakPassword = "weak_password";
    public const string EmailTaken = "email_taken";
    public const string InvalidCredentials = "invalid_credentials";
    public const string InvalidCurrentPassword = "invalid_current_password";
    public const string AccountLocked = "account_locked";
    public const string AccountDisabled = "account_disabled";
    public const string Unauthenticated = "unauthorized";
    public const string Forbidden = "forbidden";
    public const string NotFound = "not_found";
    public const string InvalidRefreshToken = "invalid_refresh_token";
    public const string SessionRequired = "session_required";
    public const string RateLimited = "rate_limited";
    public const string PayloadTooLarge = "payload_too_large";
    /// <summary>The path exists but not for this HTTP method (405, with Allow).</summary>
    public const string MethodNotAllowed = "method_not_allowed";
    /// <summary>The body's media type or charset is not one the endpoint reads (415).</summary>
    public const string UnsupportedMediaType = "unsupported_media_type";
    public const string Internal = "internal_error";
    /// <summary>The database cannot be reached right now; the request may be retried (answered 503 with Retry-After).</summary>
    public const string Unavailable = "service_unavailable";
    public const string RoleNotAllowed = "role_not_allowed";
    public const string DefaultRoleNotAllowed = "default_role_not_allowed";
    public const string LocaleNotAllowed = "locale_not_allowed";
    public const string NotAnonymous = "user_not_anonymous";
    public const string AnonymousForbidden = "anonymous_forbidden";
    public const string InvalidApiKey = "invalid_api_key";
    public const string FeatureDisabled = "feature_disabled";
    /// <summary>A wrong, reused or expired one-time code (emailed, texted, TOTP or recovery).</summary>
    public const string InvalidCode = "invalid_code";
    /// <summary>An unknown, expired, used-up or already-used challenge ticket: start the ceremony again.</summary>
    public const string InvalidChallenge = "invalid_challenge";
    /// <summary>The session's last authentication is too old for a sensitive operation (step-up).</summary>
    public const string ElevationRequired = "elevation_required";
    /// <summary>The state forbids the change (a factor already enabled, a credential already registered).</summary>
    public const string Conflict = "conflict";
    /// <summary>A WebAuthn attestation or assertion failed verification.</summary>
    public const string PasskeyRejected = "passkey_rejected";
    public const string InvalidToken = "invalid_token";
    public const string EmailNotVerified = "email_not_verified";
    public const string SignUpNotAllowed = "sign_up_not_allowed";
    public const string RedirectNotAllowed = "redirect_not_allowed";
    public const string PhoneTaken = "phone_taken";
    // Social sign-in (upstream OAuth 2.0 / OpenID Connect providers).
    public const string UnsupportedProvider = "unsupported_provider";
    public const string InvalidState = "invalid_state";
    public const string AccessDenied = "access_denied";
    public const string UpstreamError = "upstream_error";
    public const string LinkRequired = "link_required";
    public const string IdentityInUse = "identity_in_use";
    public const string EmailRequired = "email_required";
    public const string LastSignInMethod = "last_sign_in_method";
    public const string InvalidIdToken = "invalid_id_token";

    // OAuth 2.0 / OIDC (RFC 6749 §4.1.2.1, §5.2; OIDC Core §3.1.2.6; RFC 8628 §3.5; RFC 7591 §3.2.2; RFC 6750 §3.1).
    public const string InvalidClient = "invalid_client";
    public const string InvalidGrant = "invalid_grant";
    public const string UnauthorizedClient = "unauthorized_client";
    public const string UnsupportedGrantType = "unsupported_grant_type";
    public const string UnsupportedResponseType = "unsupported_response_type";
    public const string InvalidScope = "invalid_scope";
    public const string LoginRequired = "login_required";
    public const string ConsentRequired = "consent_required";
    public const string InteractionRequired = "interaction_required";
    public const string AuthorizationPending = "authorization_pending";
    public const string SlowDown = "slow_down";
    public const string ExpiredToken = "expired_token";
    public const string InsufficientScope = "insufficient_scope";
    public const string InvalidRedirectUri = "invalid_redirect_uri";
    public const string InvalidClientMetadata = "invalid_client_metadata";
    public const string LimitReached = "limit_reached";
    /// <summary>RFC 8707 §2: the resource is unknown, or the scopes are not of that resource.</summary>
    public const string InvalidTarget = "invalid_target";

    public static readonly IReadOnlyList<string> All =
    [
        InvalidRequest, ValidationFailed, WeakPassword, EmailTaken, InvalidCredentials, InvalidCurrentPassword, AccountLocked,
        AccountDisabled, Unauthenticated, Forbidden, NotFound, InvalidRefreshToken, SessionRequired,
        RateLimited, PayloadTooLarge, MethodNotAllowed, UnsupportedMediaType, Internal, Unavailable, InvalidToken, InvalidCode, EmailNotVerified, SignUpNotAllowed,
        RedirectNotAllowed, PhoneTaken, UnsupportedProvider, InvalidState, AccessDenied,
        UpstreamError, LinkRequired, IdentityInUse, EmailRequired, LastSignInMethod, InvalidIdToken,
        InvalidClient, InvalidGrant, UnauthorizedClient, UnsupportedGrantType, UnsupportedResponseType, InvalidScope,
        LoginRequired, ConsentRequired, InteractionRequired, AuthorizationPending, SlowDown, ExpiredToken,
        InsufficientScope, InvalidRedirectUri, InvalidClientMetadata, LimitReached, InvalidTarget,
        InvalidChallenge, ElevationRequired, Conflict, PasskeyRejected,
        RoleNotAllowed, DefaultRoleNotAllowed, LocaleNotAllowed, NotAnonymous, AnonymousForbidden,
        InvalidApiKey, FeatureDisabled,
    ];
}
