using Latchkey.Api.Common;
using Latchkey.Core.Common;
using Microsoft.AspNetCore.Http;

namespace Latchkey.Api.Nube;

/// <summary>
/// The Nube surface's one error translator: <c>{"error": {"code", "message", "details"}, "meta": {"requestId"}}</c>
/// with the seed's stable upper-case codes. The status is the shared mapping (the seed's table: 400, 401, 403,
/// 404, 429, 500, plus 409, 405, 413, 415, 503 where the seed is silent); the code follows from it, except that
/// a 400 naming fields is <c>VALIDATION_ERROR</c>. <c>details</c> holds the per-field messages of a validation
/// error, otherwise the core's own code as <c>reason</c>, so a client can tell two 401s apart without parsing text.
/// </summary>
public sealed class NubeErrors : SurfaceErrors
{
    public static readonly NubeErrors Instance = new();

    public const string BadRequest = "BAD_REQUEST";
    public const string ValidationError = "VALIDATION_ERROR";
    public const string Unauthorized = "UNAUTHORIZED";
    public const string Forbidden = "FORBIDDEN";
    public const string NotFound = "NOT_FOUND";
    public const string Conflict = "CONFLICT";
    public const string RateLimited = "RATE_LIMITED";
    public const string InternalError = "INTERNAL_ERROR";

    // A locked account, and a magic link or code that is wrong or used, are refused like any failed
    // credential: the seed's "Invalid or expired token" is a 401 (and 423 is not in its table).
    public override int StatusFor(string code) =>
        code is AuthErrorCodes.AccountLocked or AuthErrorCodes.InvalidToken or AuthErrorCodes.InvalidCode
            ? StatusCodes.Status401Unauthorized : base.StatusFor(code);

    public override object Body(AuthError error, string? requestId) =>
        new NubeErrorBody(new NubeError(CodeFor(error), error.Message, DetailsOf(error)), new NubeMeta(requestId ?? ""));

    /// <summary>The seed's code for a core error.</summary>
    public string CodeFor(AuthError error) => StatusFor(error.Code) switch
    {
        400 when error.Code == AuthErrorCodes.ValidationFailed || error.Details is { Count: > 0 } => ValidationError,
        400 => BadRequest,
        401 => Unauthorized,
        403 => Forbidden,
        404 => NotFound,
        405 => "METHOD_NOT_ALLOWED",
        409 => Conflict,
        413 => "PAYLOAD_TOO_LARGE",
        415 => "UNSUPPORTED_MEDIA_TYPE",
        429 => RateLimited,
        502 => "UPSTREAM_ERROR",
        503 => "SERVICE_UNAVAILABLE",
        _ => InternalError,
    };

    private static IReadOnlyDictionary<string, string> DetailsOf(AuthError error) =>
        error.Details is { Count: > 0 } fields ? fields : new Dictionary<string, string> { ["reason"] = error.Code };
}

public sealed record NubeErrorBody(NubeError Error, NubeMeta Meta);

public sealed record NubeError(string Code, string Message, IReadOnlyDictionary<string, string> Details);

public sealed record NubeMeta(string RequestId);
