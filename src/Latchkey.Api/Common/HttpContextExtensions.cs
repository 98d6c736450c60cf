using Latchkey.Api.Authentication;
using Latchkey.Core.Authentication;
using Latchkey.Core.Common;
using Microsoft.AspNetCore.Http;

namespace Latchkey.Api.Common;

public static class HttpContextExtensions
{
    public static RequestContext RequestContext(this HttpContext context) => Core.Common.RequestContext.From(context);

    /// <summary>The authenticated caller; only call from endpoints that require authorization.</summary>
    public static Caller Caller(this HttpContext context) =>
        context.Features.Get<CallerFeature>()?.Caller ?? throw new InvalidOperationException("The endpoint does not require authentication.");
}
