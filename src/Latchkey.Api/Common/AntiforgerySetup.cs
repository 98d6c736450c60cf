using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Latchkey.Api.Common;

/// <summary>
/// Antiforgery for the browser forms (hosted pages and the OAuth endpoints they post to). The token cookie
/// is SameSite=Strict, and the framework's own X-Frame-Options (SAMEORIGIN) is suppressed: every answer
/// already says DENY.
/// </summary>
public static class AntiforgerySetup
{
    public const string FormFieldName = "csrf_token";
    public const string CookieName = "lk_csrf";

    public static IServiceCollection AddLatchkeyAntiforgery(this IServiceCollection services) =>
        services.AddAntiforgery(o =>
        {
            o.FormFieldName = FormFieldName;
            o.Cookie.Name = CookieName;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.HttpOnly = true;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.SuppressXFrameOptionsHeader = true;
        });
}
