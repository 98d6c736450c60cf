using Latchkey.Api.Common;
using Latchkey.Core.Common;
using Latchkey.Pages.Layout;

namespace Latchkey.Server;

/// <summary>
/// The hosted pages as a surface of their own: a request the server refuses before a page handler runs (a form it
/// cannot parse or that is too large, a control character, a wrong method, a rate limit) is answered with an HTML
/// error page in the pages' layout, with the status the other surfaces would use, never with JSON.
/// </summary>
internal sealed class HostedPageErrors : SurfaceErrors
{
    public static readonly HostedPageErrors Instance = new();

    public override object Body(AuthError error, string? requestId) => new { error = error.Message, requestId };

    public override Task WriteAsync(HttpContext context, AuthError error) => PageErrors.Write(context, StatusFor(error.Code), error.Message);
}
