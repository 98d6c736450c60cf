using Latchkey.Api.Common;
using Latchkey.Core.Common;

namespace Latchkey.Api.OAuth;

/// <summary>
/// OAuth 2.0 errors: <c>{"error", "error_description"}</c> (RFC 6749 §5.2). Core codes outside the OAuth
/// vocabulary become its nearest code, so clients only ever see registered values.
/// </summary>
public sealed class OAuthErrors : SurfaceErrors
{
    public static readonly OAuthErrors Instance = new();

    public override object Body(AuthError error, string? requestId) =>
        new OAuthErrorBody(ErrorCode(error.Code), error.Code == AuthErrorCodes.Internal ? $"Internal server error (request id {requestId})" : error.Message);

    public static string ErrorCode(string code) => code switch
    {
        AuthErrorCodes.ValidationFailed or AuthErrorCodes.NotFound or AuthErrorCodes.PayloadTooLarge or AuthErrorCodes.WeakPassword
            or AuthErrorCodes.EmailTaken or AuthErrorCodes.InvalidCredentials or AuthErrorCodes.InvalidCurrentPassword
            or AuthErrorCodes.LimitReached => AuthErrorCodes.InvalidRequest,
        // Unauthenticated only comes from cookie-session endpoints here (client-info): the browser must sign in.
        AuthErrorCodes.Unauthenticated => AuthErrorCodes.LoginRequired,
        AuthErrorCodes.InvalidRefreshToken => AuthErrorCodes.InvalidGrant,
        AuthErrorCodes.Forbidden or AuthErrorCodes.SessionRequired or AuthErrorCodes.AccountDisabled
            or AuthErrorCodes.AccountLocked => AuthErrorCodes.AccessDenied,
        AuthErrorCodes.RateLimited => "temporarily_unavailable",
        AuthErrorCodes.Internal => "server_error",
        _ => code,
    };
}

public sealed record OAuthErrorBody(
    [property: System.Text.Json.Serialization.JsonPropertyName("error")] string Error,
    [property: System.Text.Json.Serialization.JsonPropertyName("error_description")] string ErrorDescription);
