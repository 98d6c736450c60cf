using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Latchkey.Api.Authentication;

/// <summary>
/// The endpoints an administrator may not use while impersonating: any change (not a read) whose route names a
/// credential, a contact address, a second factor, a passkey, a sign-in method, an API key or step-up, and
/// deleting the account. Judged on the route pattern, so every surface is covered by one list and a new route
/// with one of these words is refused by default. The core refuses step-up operations in an impersonation
/// session as well (<see cref="Core.Sessions.StepUp"/>), a second line behind this one.
/// </summary>
public static class ImpersonationLimits
{
    private static readonly string[] SensitiveSegments =
    [
        "password", "email", "phone", "2fa", "mfa", "passkey", "passkeys", "webauthn", "elevate",
        "keys", "api-keys", "connected-services", "providers", "deanonymize",
    ];

    /// <summary>Account deletion routes: a DELETE of the account itself.</summary>
    private static readonly string[] AccountRoutes = ["/api/user", "/api/user/me", "/v1/user"];

    public static bool Refuses(HttpContext context)
    {
        if (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method)) return false;
        var pattern = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? context.Request.Path.Value ?? "";
        var route = pattern.TrimEnd('/');
        if (HttpMethods.IsDelete(context.Request.Method) && AccountRoutes.Contains(route, StringComparer.OrdinalIgnoreCase)) return true;
        foreach (var segment in route.Split('/', StringSplitOptions.RemoveEmptyEntries))
            foreach (var word in segment.Split('-', '_').Prepend(segment))
                if (SensitiveSegments.Contains(word, StringComparer.OrdinalIgnoreCase)) return true;
        return false;
    }
}
