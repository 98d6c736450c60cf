using Latchkey.Api.Common;
using Latchkey.Api.Nhost.Contracts;
using Latchkey.Core.Common;
using Latchkey.Core.Credentials;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Latchkey.Api.Nhost;

/// <summary>
/// The Nhost surface's one error translator: core codes to the spec's ErrorResponse
/// <c>{"status", "message", "error"}</c>, whose <c>error</c> is one of the spec's enum. With
/// <see cref="NhostOptions.ConcealErrors"/> every answer that could tell whether an account exists, or in
/// which state, becomes <c>400 invalid-request</c> (Nhost's <c>AUTH_CONCEAL_ERRORS</c>).
/// </summary>
public sealed class NhostErrors(IOptions<NhostOptions> options) : SurfaceErrors
{
    private static readonly HashSet<string> Revealing =
    [
        AuthErrorCodes.EmailTaken, AuthErrorCodes.InvalidCredentials, AuthErrorCodes.AccountDisabled,
        AuthErrorCodes.AccountLocked, AuthErrorCodes.NotAnonymous, AuthErrorCodes.EmailNotVerified, AuthErrorCodes.PhoneTaken,
        AuthErrorCodes.IdentityInUse, AuthErrorCodes.LinkRequired,
    ];

    private const string ConcealedMessage = "The request payload is incorrect";

    public override int StatusFor(string code) => Translate(code).Status;

    public override object Body(AuthError error, string? requestId)
    {
        var (status, name) = Translate(error.Code);
        if (name == "invalid-request" && status == 400 && Concealed(error.Code))
            return new NhostErrorResponse(status, ConcealedMessage, name);
        if (error.Code == AuthErrorCodes.WeakPassword && error.Details?.GetValueOrDefault("rule") == PasswordPolicy.RuleBreached)
            name = "password-in-hibp-database";
        return new NhostErrorResponse(status, error.Message, name);
    }

    /// <summary>
    /// An error of the TOTP operations, with the spec's MFA names: a wrong code is <c>401 invalid-totp</c> (not
    /// the passwordless <c>invalid-otp</c>), and a TOTP the account does not have is <c>400 disabled-mfa-totp</c>.
    /// </summary>
    public IResult ToTotpResult(AuthError error) => error switch
    {
        { Code: AuthErrorCodes.InvalidCode } => Named(401, "invalid-totp", error.Message),
        { Code: AuthErrorCodes.ValidationFailed, Details: { } details } when details.ContainsKey("method") => Named(400, "disabled-mfa-totp", error.Message),
        _ => ToResult(error),
    };

    /// <summary>A spec error the core has no code for (the MFA state names); never one that reveals an account.</summary>
    public static IResult Named(int status, string error, string message) =>
        Results.Json(new NhostErrorResponse(status, message, error), statusCode: status);

    private bool Concealed(string code) => options.Value.ConcealErrors && Revealing.Contains(code);

    /// <summary>The spec's status and error name for a core code (after concealment).</summary>
    public (int Status, string Error) Translate(string code) => Concealed(code) ? (400, "invalid-request") : code switch
    {
        AuthErrorCodes.InvalidRequest or AuthErrorCodes.ValidationFailed or AuthErrorCodes.InvalidCurrentPassword => (400, "invalid-request"),
        AuthErrorCodes.WeakPassword => (400, "password-too-short"),
        AuthErrorCodes.EmailTaken => (409, "email-already-in-use"),
        AuthErrorCodes.InvalidCredentials or AuthErrorCodes.AccountLocked => (401, "invalid-email-password"),
        AuthErrorCodes.AccountDisabled => (401, "disabled-user"),
        AuthErrorCodes.Unauthenticated => (401, "invalid-request"),
        AuthErrorCodes.ElevationRequired => (401, "invalid-request"),
        AuthErrorCodes.Forbidden or AuthErrorCodes.SessionRequired => (403, "invalid-request"),
        AuthErrorCodes.NotFound => (404, "invalid-request"),
        AuthErrorCodes.InvalidRefreshToken => (401, "invalid-refresh-token"),
        AuthErrorCodes.RateLimited => (429, "invalid-request"),
        AuthErrorCodes.PayloadTooLarge => (413, "invalid-request"),
        AuthErrorCodes.MethodNotAllowed => (405, "invalid-request"),
        AuthErrorCodes.UnsupportedMediaType => (415, "invalid-request"),
        AuthErrorCodes.Internal => (500, "internal-server-error"),
        AuthErrorCodes.Unavailable => (503, "internal-server-error"),
        AuthErrorCodes.RoleNotAllowed => (400, "role-not-allowed"),
        AuthErrorCodes.DefaultRoleNotAllowed => (400, "default-role-must-be-in-allowed-roles"),
        AuthErrorCodes.LocaleNotAllowed => (400, "locale-not-allowed"),
        AuthErrorCodes.RedirectNotAllowed => (400, "redirectTo-not-allowed"),
        AuthErrorCodes.NotAnonymous => (400, "user-not-anonymous"),
        AuthErrorCodes.AnonymousForbidden => (403, "forbidden-anonymous"),
        AuthErrorCodes.InvalidApiKey => (401, "invalid-pat"),
        AuthErrorCodes.FeatureDisabled => (409, "disabled-endpoint"),
        AuthErrorCodes.InvalidToken => (401, "invalid-ticket"),
        AuthErrorCodes.InvalidCode => (401, "invalid-otp"),
        // Second factors and passkeys (the MFA ticket and WebAuthn ceremonies).
        AuthErrorCodes.InvalidChallenge => (401, "invalid-ticket"),
        AuthErrorCodes.PasskeyRejected => (400, "invalid-request"),
        AuthErrorCodes.Conflict => (409, "invalid-request"),
        AuthErrorCodes.EmailNotVerified => (401, "unverified-user"),
        AuthErrorCodes.SignUpNotAllowed => (403, "signup-disabled"),
        AuthErrorCodes.PhoneTaken or AuthErrorCodes.LinkRequired or AuthErrorCodes.IdentityInUse
            or AuthErrorCodes.LastSignInMethod => (409, "invalid-request"),
        AuthErrorCodes.UnsupportedProvider or AuthErrorCodes.EmailRequired => (400, "invalid-request"),
        AuthErrorCodes.InvalidState => (400, "invalid-state"),
        AuthErrorCodes.InvalidIdToken => (401, "invalid-request"),
        AuthErrorCodes.AccessDenied => (403, "oauth-provider-error"),
        AuthErrorCodes.UpstreamError => (502, "oauth-provider-error"),
        // OAuth-provider codes: no Nhost operation produces them; the spec has no names for them.
        AuthErrorCodes.InvalidClient or AuthErrorCodes.InvalidGrant or AuthErrorCodes.UnauthorizedClient
            or AuthErrorCodes.UnsupportedGrantType or AuthErrorCodes.UnsupportedResponseType or AuthErrorCodes.InvalidScope
            or AuthErrorCodes.LoginRequired or AuthErrorCodes.ConsentRequired or AuthErrorCodes.InteractionRequired
            or AuthErrorCodes.AuthorizationPending or AuthErrorCodes.SlowDown or AuthErrorCodes.ExpiredToken
            or AuthErrorCodes.InsufficientScope or AuthErrorCodes.InvalidRedirectUri or AuthErrorCodes.InvalidClientMetadata
            or AuthErrorCodes.LimitReached or AuthErrorCodes.InvalidTarget => (base.StatusFor(code), "invalid-request"),
        _ => throw new ArgumentOutOfRangeException(nameof(code), code, "Unmapped error code."),
    };
}
