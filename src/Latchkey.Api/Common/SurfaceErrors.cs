using Latchkey.Core.Common;
using Microsoft.AspNetCore.Http;

namespace Latchkey.Api.Common;

/// <summary>
/// A surface's one error translator: core error code → HTTP status, and the body in the surface's own
/// shape. Endpoint groups carry their translator as metadata, so authentication failures, rate limits,
/// bad JSON and bugs are all answered in the shape of the surface that was called.
/// </summary>
public abstract class SurfaceErrors
{
    public virtual int StatusFor(string code) => code switch
    {
        AuthErrorCodes.InvalidRequest or AuthErrorCodes.ValidationFailed or AuthErrorCodes.WeakPassword
            or AuthErrorCodes.InvalidCurrentPassword or AuthErrorCodes.InvalidToken or AuthErrorCodes.InvalidCode
            or AuthErrorCodes.RedirectNotAllowed or AuthErrorCodes.UnsupportedProvider
            or AuthErrorCodes.InvalidState or AuthErrorCodes.EmailRequired or AuthErrorCodes.PasskeyRejected
            or AuthErrorCodes.RoleNotAllowed or AuthErrorCodes.DefaultRoleNotAllowed or AuthErrorCodes.LocaleNotAllowed
            or AuthErrorCodes.NotAnonymous => StatusCodes.Status400BadRequest,
        AuthErrorCodes.InvalidCredentials or AuthErrorCodes.Unauthenticated or AuthErrorCodes.InvalidRefreshToken
            or AuthErrorCodes.InvalidIdToken or AuthErrorCodes.InvalidChallenge or AuthErrorCodes.InvalidApiKey => StatusCodes.Status401Unauthorized,
        AuthErrorCodes.Forbidden or AuthErrorCodes.AccountDisabled or AuthErrorCodes.SessionRequired
            or AuthErrorCodes.EmailNotVerified or AuthErrorCodes.SignUpNotAllowed or AuthErrorCodes.AccessDenied
            or AuthErrorCodes.InsufficientScope or AuthErrorCodes.ElevationRequired or AuthErrorCodes.AnonymousForbidden
            or AuthErrorCodes.FeatureDisabled => StatusCodes.Status403Forbidden,
        AuthErrorCodes.NotFound => StatusCodes.Status404NotFound,
        AuthErrorCodes.EmailTaken or AuthErrorCodes.PhoneTaken or AuthErrorCodes.LinkRequired or AuthErrorCodes.IdentityInUse
            or AuthErrorCodes.LastSignInMethod or AuthErrorCodes.Conflict => StatusCodes.Status409Conflict,
        AuthErrorCodes.PayloadTooLarge => StatusCodes.Status413PayloadTooLarge,
        AuthErrorCodes.MethodNotAllowed => StatusCodes.Status405MethodNotAllowed,
        AuthErrorCodes.UnsupportedMediaType => StatusCodes.Status415UnsupportedMediaType,
        AuthErrorCodes.AccountLocked => StatusCodes.Status423Locked,
        AuthErrorCodes.RateLimited => StatusCodes.Status429TooManyRequests,
        AuthErrorCodes.Internal => StatusCodes.Status500InternalServerError,
        AuthErrorCodes.Unavailable => StatusCodes.Status503ServiceUnavailable,
        AuthErrorCodes.UpstreamError => StatusCodes.Status502BadGateway,
        AuthErrorCodes.InvalidGrant or AuthErrorCodes.UnauthorizedClient or AuthErrorCodes.UnsupportedGrantType
            or AuthErrorCodes.UnsupportedResponseType or AuthErrorCodes.InvalidScope
            or AuthErrorCodes.LoginRequired or AuthErrorCodes.ConsentRequired or AuthErrorCodes.InteractionRequired
            or AuthErrorCodes.AuthorizationPending or AuthErrorCodes.SlowDown or AuthErrorCodes.ExpiredToken
            or AuthErrorCodes.InvalidRedirectUri or AuthErrorCodes.InvalidClientMetadata or AuthErrorCodes.LimitReached
            or AuthErrorCodes.InvalidTarget
            => StatusCodes.Status400BadRequest,
        AuthErrorCodes.InvalidClient => StatusCodes.Status401Unauthorized,
        _ => throw new ArgumentOutOfRangeException(nameof(code), code, "Unmapped error code."),
    };

    /// <summary>The body for <paramref name="error"/>; <paramref name="requestId"/> is set for server errors.</summary>
    public abstract object Body(AuthError error, string? requestId);

    /// <summary>The media type of error bodies; null is <c>application/json</c> (SCIM answers <c>application/scim+json</c>).</summary>
    public virtual string? ContentType => null;

    public IResult ToResult(AuthError error, string? requestId = null) =>
        Results.Json(Body(error, requestId), statusCode: StatusFor(error.Code), contentType: ContentType);

    /// <summary>Writes the answer outside an endpoint (middleware refusals); a surface that is not JSON (the hosted pages) overrides it.</summary>
    public virtual Task WriteAsync(HttpContext context, AuthError error)
    {
        context.Response.StatusCode = StatusFor(error.Code);
        var body = Body(error, context.TraceIdentifier);
        return context.Response.WriteAsJsonAsync(body, body.GetType(), options: null, contentType: ContentType, context.RequestAborted);
    }
}
