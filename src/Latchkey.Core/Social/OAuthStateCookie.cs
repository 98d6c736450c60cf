using Latchkey.Core.Common;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Latchkey.Core.Social;

/// <summary>
/// Binds a started upstream sign-in to the browser that started it: an HttpOnly cookie with a random
/// secret whose SHA-256 sits on the state row. Over HTTPS it is SameSite=None so Apple's cross-site
/// form post still carries it; over plain HTTP (development) browsers refuse None, so it is Lax.
/// In Core because two surfaces start upstream flows: the APIs (initiate, connect) and the account console
/// (link a provider); the one callback that reads it is the Platform API's.
/// </summary>
public sealed class OAuthStateCookie(IOptions<SocialOptions> social, IOptions<LatchkeyOptions> latchkey)
{
    public const string Name = "latchkey_oauth";

    public void Set(HttpContext context, string secret) =>
        context.Response.Cookies.Append(Name, secret, Options(context, social.Value.StateLifetime));

    public string? Read(HttpContext context) => context.Request.Cookies[Name];

    public void Clear(HttpContext context) => context.Response.Cookies.Delete(Name, Options(context, null));

    private CookieOptions Options(HttpContext context, TimeSpan? maxAge)
    {
        var secure = context.Request.IsHttps || (latchkey.Value.PublicUrl?.StartsWith("https://", StringComparison.OrdinalIgnoreCase) ?? false);
        return new CookieOptions
        {
            HttpOnly = true,
            Secure = secure,
            SameSite = secure ? SameSiteMode.None : SameSiteMode.Lax,
            Path = "/",
            MaxAge = maxAge,
            IsEssential = true,
        };
    }
}
