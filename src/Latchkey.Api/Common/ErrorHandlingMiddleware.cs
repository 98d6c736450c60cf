using Latchkey.Core.Common;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Latchkey.Api.Common;

/// <summary>
/// The last line of defence. Malformed, oversized or wrongly typed bodies (the framework's
/// <see cref="BadHttpRequestException"/>) become 4xx answers in the surface's shape; anything else is a
/// bug: logged with the request id and answered 500 with that id, never a stack trace.
/// </summary>
public sealed class ErrorHandlingMiddleware(RequestDelegate next, ILogger<ErrorHandlingMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
            // The framework answers some body failures (an oversized body read by parameter binding)
            // with a bare status code; give them the surface's body like every other error.
            if (!context.Response.HasStarted && context.Response.StatusCode is 400 or 413 or 415)
                await WriteAsync(context, ToError(context.Response.StatusCode));
        }
        catch (BadHttpRequestException ex) when (!context.Response.HasStarted)
        {
            logger.LogInformation("Rejected request {RequestId}: {Reason}", context.TraceIdentifier, ex.Message);
            await WriteAsync(context, ToError(ex.StatusCode));
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away; there is nobody to answer.
        }
        catch (Exception ex) when (!context.Response.HasStarted)
        {
            logger.LogError(ex, "Unhandled error in request {RequestId}", context.TraceIdentifier);
            await WriteAsync(context, new AuthError(AuthErrorCodes.Internal, $"Internal server error (request id {context.TraceIdentifier})"));
        }
    }

    private static AuthError ToError(int statusCode) => statusCode switch
    {
        StatusCodes.Status413PayloadTooLarge => new AuthError(AuthErrorCodes.PayloadTooLarge, "Request body is too large"),
        StatusCodes.Status415UnsupportedMediaType => new AuthError(AuthErrorCodes.InvalidRequest, "Request body must be JSON (Content-Type: application/json)"),
        _ => new AuthError(AuthErrorCodes.InvalidRequest, "Request body is missing or is not valid JSON of the expected shape"),
    };

    private static Task WriteAsync(HttpContext context, AuthError error)
    {
        context.Response.Clear();
        return context.SurfaceErrors(PlainErrors.Instance).WriteAsync(context, error);
    }
}
