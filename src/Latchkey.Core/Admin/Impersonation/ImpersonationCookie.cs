using Latchkey.Core.Common;
using Latchkey.Core.Sessions;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Latchkey.Core.Admin.Impersonation;

/// <summary>
/// The impersonation cookie: like the session cookie (HttpOnly, Secure over HTTPS, SameSite=Lax, whole site) and
/// beside it, so stopping or expiring returns the administrator to their own untouched session.
/// </summary>
public sealed class ImpersonationCookie(IOptions<ImpersonationOptions> options, IOptions<LatchkeyOptions> latchkey)
{
    public string Name => options.Value.CookieName;

    public string? Read(HttpRequest request) => request.Cookies.TryGetValue(options.Value.CookieName, out var value) ? value : null;

    public void Set(HttpContext context, string secret, DateTime expiresAt) =>
        context.Response.Cookies.Append(options.Value.CookieName, secret, Options(context, expiresAt));

    public void Clear(HttpContext context) => context.Response.Cookies.Delete(options.Value.CookieName, Options(context, null));

    private CookieOptions Options(HttpContext context, DateTime? expiresAt) => SessionCookie.BrowserCookie(context, latchkey.Value, expiresAt);
}
