using Latchkey.Api.Common;
using Latchkey.Core.Common;
using Microsoft.AspNetCore.Http;

namespace Latchkey.Api.Nube;

/// <summary>
/// Gives every request under a Nube path the seed's request id (<c>req_</c> + 20 letters and digits) before
/// anything else runs: it becomes the request's <see cref="HttpContext.TraceIdentifier"/>, so the same id is in
/// <c>meta.requestId</c>, in the <c>X-Request-Id</c> header, in the 500 message and in the server's log line
/// for the request (RequestLogMiddleware logs the trace identifier when the request ends).
/// </summary>
public sealed class NubeRequestIdMiddleware(RequestDelegate next, SurfaceRegistry surfaces)
{
    public const string Header = "X-Request-Id";

    public Task InvokeAsync(HttpContext context)
    {
        if (surfaces.ErrorsFor(context.Request.Path) is NubeErrors)
        {
            var id = "req_" + RandomSecrets.Alphanumeric(20);
            context.TraceIdentifier = id;
            context.Response.Headers[Header] = id;
            // Error paths clear the response (headers included) before writing their body: set it again.
            context.Response.OnStarting(() =>
            {
                context.Response.Headers[Header] = id;
                return Task.CompletedTask;
            });
        }
        return next(context);
    }
}
