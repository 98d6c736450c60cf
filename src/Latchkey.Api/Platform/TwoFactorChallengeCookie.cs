using Latchkey.Core.Common;
using Latchkey.Core.Sessions;
using Microsoft.AspNetCore.Http;

namespace Latchkey.Api.Platform;

/// <summary>
/// The second-factor challenge of a password step, kept by the browser that took it, so the seed's
/// <c>POST /api/auth/2fa/verify</c> body <c>{userId, code, method}</c> can finish the sign-in without the
/// challenge token in the body. HttpOnly (no script reads it), Secure over HTTPS, SameSite=Strict (no
/// cross-site request carries it), scoped to the 2FA routes and gone when the challenge expires. A userId
/// alone proves nothing: without this cookie (or the challenge token) the verify call stays refused.
/// </summary>
public static class TwoFactorChallengeCookie
{
    public const string Name = "latchkey_2fa_challenge";

    public static void Set(HttpContext http, TwoFactorChallenge challenge, LatchkeyOptions latchkey) =>
        http.Response.Cookies.Append(Name, challenge.Token, Options(http, latchkey, new DateTimeOffset(challenge.ExpiresAt, TimeSpan.Zero)));

    public static string? Read(HttpContext http) => http.Request.Cookies[Name] is { Length: > 0 and <= 512 } token ? token : null;

    public static void Clear(HttpContext http, LatchkeyOptions latchkey)
    {
        if (http.Request.Cookies.ContainsKey(Name)) http.Response.Cookies.Delete(Name, Options(http, latchkey, null));
    }

    private static CookieOptions Options(HttpContext http, LatchkeyOptions latchkey, DateTimeOffset? expires) => new()
    {
        HttpOnly = true,
        Secure = http.Request.IsHttps || (latchkey.PublicUrl?.StartsWith("https://", StringComparison.OrdinalIgnoreCase) ?? false),
        SameSite = SameSiteMode.Strict,
        Path = TwoFactorPath(http),
        Expires = expires,
        IsEssential = true,
    };

    /// <summary>The sign-in routes sit beside <c>2fa</c> under the Platform's auth group (<c>/api/auth/login</c> → <c>/api/auth/2fa</c>).</summary>
    private static string TwoFactorPath(HttpContext http)
    {
        var path = (http.Request.PathBase + http.Request.Path).Value ?? "";
        var auth = path.IndexOf("/auth/", StringComparison.Ordinal);
        return auth < 0 ? "/" : path[..(auth + "/auth".Length)] + "/2fa";
    }
}
