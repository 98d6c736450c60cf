using Latchkey.Api.Authentication;
using Latchkey.Core.Authentication;
using Latchkey.Core.Common;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;

namespace Latchkey.Api.Common;

public static class HttpContextExtensions
{
    public static RequestContext RequestContext(this HttpContext context) => Core.Common.RequestContext.From(context);

    /// <summary>The authenticated caller; only call from endpoints that require authorization.</summary>
    public static Caller Caller(this HttpContext context) =>
        context.Features.Get<CallerFeature>()?.Caller ?? throw new InvalidOperationException("The endpoint does not require authentication.");

    /// <summary>
    /// For endpoints that serve both anonymous and signed-in callers ("Partial" in the seed): runs the
    /// Latchkey scheme on demand and returns the caller, or null when no credential was presented.
    /// </summary>
    public static async Task<Caller?> OptionalCallerAsync(this HttpContext context)
    {
        if (context.Features.Get<CallerFeature>()?.Caller is { } known) return known;
        await context.AuthenticateAsync(LatchkeyAuthentication.Scheme);
        return context.Features.Get<CallerFeature>()?.Caller;
    }
}
