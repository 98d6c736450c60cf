using Latchkey.Api.Common;
using Latchkey.Core.Common;
using Microsoft.AspNetCore.Http;

namespace Latchkey.Api.OAuth;

/// <summary>
/// OAuth 2.0 errors: <c>{"error", "error_description"}</c> (RFC 6749 §5.2). Core codes outside the OAuth
/// vocabulary become its nearest code, so clients only ever see registered values.
/// </summary>
public sealed class OAuthErrors : SurfaceErrors
{
    public static readonly OAuthErrors Instance = new();

    /// <summary>
    /// Two codes mean something else here than on the Platform API: <c>invalid_token</c> is a bearer token
    /// refusal (RFC 6750 §3.1, 401) rather than a bad email link, and <c>access_denied</c> a 400 of the
    /// token endpoint (RFC 8628 §3.5) rather than a refused upstream sign-in.
    /// </summary>
    public override int StatusFor(string code) => code switch
    {
        AuthErrorCodes.InvalidToken => StatusCodes.Status401Unauthorized,
        AuthErrorCodes.AccessDenied => StatusCodes.Status400BadRequest,
        _ => base.StatusFor(code),
    };

    public override object Body(AuthError error, string? requestId) =>
        new OAuthErrorBody(ErrorCode(error.Code), error.Code == AuthErrorCodes.Internal ? $"Internal server error (request id {requestId})" : error.Message);

    public static string ErrorCode(string code) => code switch
    {
        AuthErrorCodes.ValidationFailed or AuthErrorCodes.NotFound or AuthErrorCodes.PayloadTooLarge
            or AuthErrorCodes.MethodNotAllowed or AuthErrorCodes.UnsupportedMediaType or AuthErrorCodes.WeakPassword
            or AuthErrorCodes.EmailTaken or AuthErrorCodes.InvalidCredentials or AuthErrorCodes.InvalidCurrentPassword
            or AuthErrorCodes.LimitReached => AuthErrorCodes.InvalidRequest,
        // Unauthenticated only comes from cookie-session endpoints here (client-info): the browser must sign in.
        AuthErrorCodes.Unauthenticated => AuthErrorCodes.LoginRequired,
        AuthErrorCodes.InvalidRefreshToken => AuthErrorCodes.InvalidGrant,
        AuthErrorCodes.Forbidden or AuthErrorCodes.SessionRequired or AuthErrorCodes.AccountDisabled
            or AuthErrorCodes.AccountLocked => AuthErrorCodes.AccessDenied,
        AuthErrorCodes.RateLimited or AuthErrorCodes.Unavailable => "temporarily_unavailable",
        AuthErrorCodes.Internal => "server_error",
        _ => code,
    };
}

public sealed record OAuthErrorBody(
    [property: System.Text.Json.Serialization.JsonPropertyName("error")] string Error,
    [property: System.Text.Json.Serialization.JsonPropertyName("error_description")] string ErrorDescription);
