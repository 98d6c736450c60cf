using Latchkey.Core.Common;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Latchkey.Core.Sessions;

/// <summary>
/// The session cookie (<c>auth_token</c>) of the Platform API and the hosted pages: HttpOnly (no script reads it), Secure whenever the server is reached
/// over HTTPS, SameSite=Lax (sent on top-level navigations, the OAuth redirects, but not on cross-site posts).
/// </summary>
public sealed class SessionCookie(IOptions<SessionOptions> sessions, IOptions<LatchkeyOptions> latchkey)
{
    public void Set(HttpContext context, string secret, DateTime expiresAt) =>
        context.Response.Cookies.Append(sessions.Value.CookieName, secret, Options(context, expiresAt));

    public void Clear(HttpContext context) =>
        context.Response.Cookies.Delete(sessions.Value.CookieName, Options(context, null));

    private CookieOptions Options(HttpContext context, DateTime? expiresAt) => BrowserCookie(context, latchkey.Value, expiresAt);

    /// <summary>The options of every first-party browser cookie holding a session (this one and the impersonation cookie).</summary>
    public static CookieOptions BrowserCookie(HttpContext context, LatchkeyOptions latchkey, DateTime? expiresAt) => new()
    {
        HttpOnly = true,
        Secure = context.Request.IsHttps || (latchkey.PublicUrl?.StartsWith("https://", StringComparison.OrdinalIgnoreCase) ?? false),
        SameSite = SameSiteMode.Lax,
        Path = "/",
        Expires = expiresAt is null ? null : new DateTimeOffset(expiresAt.Value, TimeSpan.Zero),
        IsEssential = true,
    };
}
