using Latchkey.Core.Common;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Latchkey.Api.Common;

/// <summary>
/// The last line of defence. Answers the framework gives with a bare status (no endpoint for the path,
/// a wrong method or content type, an oversized or malformed body) get a body in the shape of the surface
/// that owns the path; a database that cannot be reached, or refuses writes (full disk, read-only), is a 503 with
/// Retry-After and one log line without a stack; a write that lost a race with a concurrent request is a 409;
/// anything else is a bug: logged with the request id and answered 500 with that id, never a stack trace.
/// </summary>
public sealed class ErrorHandlingMiddleware(RequestDelegate next, ILogger<ErrorHandlingMiddleware> logger)
{
    /// <summary>How long a client is asked to wait while the database is unreachable.</summary>
    public const int UnavailableRetryAfterSeconds = 5;

    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
            if (IsBareFallback(context)) await WriteFallbackAsync(context);
        }
        catch (BadHttpRequestException ex) when (!context.Response.HasStarted)
        {
            logger.LogInformation("Rejected request {RequestId}: {Reason}", context.TraceIdentifier, ex.Message);
            await WriteAsync(context, FallbackError(ex.StatusCode));
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away; there is nobody to answer.
        }
        catch (Exception ex) when (!context.Response.HasStarted && DatabaseUnavailable.Matches(ex))
        {
            if (DatabaseUnavailable.RefusesWrites(ex))
            {
                // Not a bug and not transient: one line an operator can act on, and /health/ready goes unhealthy.
                context.RequestServices.GetRequiredService<DatabaseWriteRefusals>().Refused(DatabaseUnavailable.Describe(ex));
                logger.LogError("Request {RequestId} could not be stored: {Reason}. Free disk space or make the database writable", context.TraceIdentifier, DatabaseUnavailable.Describe(ex));
            }
            else
            {
                logger.LogWarning("Database unavailable for request {RequestId}: {Reason}", context.TraceIdentifier, DatabaseUnavailable.Describe(ex));
            }
            context.Response.Clear();
            context.Response.Headers.RetryAfter = UnavailableRetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            await context.SurfaceErrors(PlainErrors.Instance)
                .WriteAsync(context, new AuthError(AuthErrorCodes.Unavailable, "The service is temporarily unavailable; try again shortly"));
        }
        catch (Exception ex) when (!context.Response.HasStarted && ex is UniqueConstraintException or ConcurrentChangeException)
        {
            // A race with another request that its use case does not answer itself (the same action twice at once): the
            // database kept one, and nothing of this one was stored. Not a bug; the client may retry.
            logger.LogInformation("Request {RequestId} lost a race with a concurrent change: {Reason}", context.TraceIdentifier, ex.Message);
            await WriteAsync(context, new AuthError(AuthErrorCodes.Conflict, "Another request changed the same data at the same time; try again"));
        }
        catch (Exception ex) when (!context.Response.HasStarted)
        {
            logger.LogError(ex, "Unhandled error in request {RequestId}", context.TraceIdentifier);
            await WriteAsync(context, new AuthError(AuthErrorCodes.Internal, $"Internal server error (request id {context.TraceIdentifier})"));
        }
    }

    /// <summary>A status the framework set without a body (routing's 404/405/415, Kestrel's 400/413).</summary>
    private static bool IsBareFallback(HttpContext context) =>
        !context.Response.HasStarted
        && context.Response.StatusCode is 400 or 404 or 405 or 413 or 415
        && context.Response.ContentType is null
        && context.Response.ContentLength is null or 0;

    private static Task WriteFallbackAsync(HttpContext context)
    {
        // Clearing the response would drop routing's Allow header, which a 405 must keep (RFC 9110 §15.5.6).
        var allow = context.Response.Headers.Allow;
        var error = FallbackError(context.Response.StatusCode);
        context.Response.Clear();
        if (allow.Count > 0) context.Response.Headers.Allow = allow;
        return context.SurfaceErrors(PlainErrors.Instance).WriteAsync(context, error);
    }

    /// <summary>The error (and its wording) for a status the framework chose.</summary>
    public static AuthError FallbackError(int statusCode) => statusCode switch
    {
        StatusCodes.Status404NotFound => new AuthError(AuthErrorCodes.NotFound, "No such endpoint"),
        StatusCodes.Status405MethodNotAllowed => new AuthError(AuthErrorCodes.MethodNotAllowed, "Method not allowed on this endpoint (see the Allow header)"),
        StatusCodes.Status413PayloadTooLarge => new AuthError(AuthErrorCodes.PayloadTooLarge, "Request body is too large"),
        StatusCodes.Status415UnsupportedMediaType => new AuthError(AuthErrorCodes.UnsupportedMediaType, "Unsupported Content-Type for this endpoint (JSON endpoints take application/json; charset=utf-8)"),
        _ => new AuthError(AuthErrorCodes.InvalidRequest, "Request body is missing or is not valid JSON of the expected shape"),
    };

    private static Task WriteAsync(HttpContext context, AuthError error)
    {
        context.Response.Clear();
        return context.SurfaceErrors(PlainErrors.Instance).WriteAsync(context, error);
    }
}
