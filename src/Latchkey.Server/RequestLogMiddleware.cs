using System.Diagnostics;

namespace Latchkey.Server;

/// <summary>
/// One log line per request, written when it ends: method, path, status, duration and request id (the id
/// a 500 answer shows). The query string is never logged: it carries tickets, codes and tokens
/// (<c>/v1/verify?ticket=...</c>, <c>/api/oauth/authorize?...</c>). Category <c>Latchkey.Requests</c>, level
/// Information: raise it to Warning to silence the lines.
/// </summary>
internal sealed partial class RequestLogMiddleware(RequestDelegate next, ILoggerFactory loggers)
{
    public const string Category = "Latchkey.Requests";
    private readonly ILogger _logger = loggers.CreateLogger(Category);

    public async Task InvokeAsync(HttpContext context)
    {
        if (!_logger.IsEnabled(LogLevel.Information))
        {
            await next(context);
            return;
        }
        var started = Stopwatch.GetTimestamp();
        try
        {
            await next(context);
        }
        finally
        {
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            var status = context.RequestAborted.IsCancellationRequested && !context.Response.HasStarted ? 499 : context.Response.StatusCode;
            LogRequest(_logger, context.Request.Method, context.Request.PathBase + context.Request.Path, status, Math.Round(elapsed, 1), context.TraceIdentifier);
        }
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "{Method} {Path} {StatusCode} in {ElapsedMs} ms (request {RequestId})")]
    private static partial void LogRequest(ILogger logger, string method, string path, int statusCode, double elapsedMs, string requestId);
}
