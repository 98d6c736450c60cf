using Latchkey.Core.Admin.Impersonation;
using Latchkey.Core.Common;
using Latchkey.Core.OAuth;
using Latchkey.Core.Users;
using Latchkey.Pages.Layout;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;

namespace Latchkey.Pages.Account;

/// <summary>The signed-in person on a console page: their account and the browser session they came with.</summary>
internal sealed record AccountVisitor(User User, Guid SessionId, Guid? ActorId = null)
{
    public Guid UserId => User.Id;
}

/// <summary>A console form as posted: the visitor and the fields, or the page that refuses it.</summary>
internal sealed record AccountPost(AccountVisitor? Visitor, IFormCollection? Form, IResult? Refused);

/// <summary>
/// What every console page does alike. Only the browser's cookie session counts (bearer tokens and API keys do not
/// open a console); a visitor without one is sent to the hosted sign-in with the page as its return URL. Every form
/// is checked for its antiforgery token before anything changes, and the core's refusals become statuses.
/// </summary>
internal sealed class AccountConsole(BrowserSessionReader browsers, IUserStore users, IAntiforgery antiforgery)
{
    public async Task<(AccountVisitor? Visitor, IResult? Away)> VisitAsync(HttpContext http, string section, CancellationToken ct)
    {
        var browser = await browsers.ReadAsync(http, ct);
        var user = browser is null ? null : await users.FindByIdAsync(browser.UserId, ct);
        return user is null ? (null, ToSignIn(http, section)) : (new AccountVisitor(user, browser!.SessionId, browser.ActorId), null);
    }

    /// <summary>Reads a console form: not a form is 415, no session a redirect to sign-in, a missing or stale token 400.</summary>
    public async Task<AccountPost> PostAsync(HttpContext http, string section, CancellationToken ct) => await ReadPostAsync(http, section, ct, sensitive: false);

    private async Task<AccountPost> ReadPostAsync(HttpContext http, string section, CancellationToken ct, bool sensitive)
    {
        if (!http.Request.HasFormContentType) return new(null, null, PageErrors.NotAForm(http));
        var form = await http.Request.ReadFormAsync(ct);
        var (visitor, away) = await VisitAsync(http, section, ct);
        if (visitor is null) return new(null, null, away);
        if (sensitive && visitor.ActorId is not null)
            return new(null, null, MessagePage.Render(http, "Not allowed", "Not allowed while impersonating", ImpersonationRules.Refused.Message,
                [new("retry-link", "Back to the page", section)], StatusCodes.Status403Forbidden, isError: true));
        if (!await antiforgery.IsRequestValidAsync(http))
            return new(null, null, MessagePage.Render(http, "Please try again", "The form expired", PageErrors.FormExpired,
                [new("retry-link", "Back to the page", section)], StatusCodes.Status400BadRequest, isError: true));
        return new(visitor, form, null);
    }

    /// <summary>
    /// Reads a form that changes a credential, a contact or the account itself (password, email, phone, second
    /// factors, passkeys, API keys, social links, step-up, deletion): as <see cref="PostAsync"/>, but refused with a
    /// 403 while an administrator impersonates the person, the same set the API's impersonation limits refuse (an
    /// administrator could otherwise put their own phone number or password on the account). Checked before the
    /// antiforgery token, so the refusal never depends on the token happening to look stale.
    /// </summary>
    public Task<AccountPost> PostSensitiveAsync(HttpContext http, string section, CancellationToken ct) => ReadPostAsync(http, section, ct, sensitive: true);

    /// <summary>Post/redirect/get: after a change the browser loads the section again, with a notice from a fixed list.</summary>
    public static IResult SeeOther(HttpContext http, string section, string? notice = null)
    {
        http.Response.Headers.Location = notice is null ? section : $"{section}?done={notice}";
        return Results.StatusCode(StatusCodes.Status303SeeOther);
    }

    private static IResult ToSignIn(HttpContext http, string section)
    {
        http.Response.Headers.CacheControl = "no-store";
        http.Response.Headers.Location = $"{HostedPages.Login}?return_url={Uri.EscapeDataString(section)}";
        return Results.StatusCode(HttpMethods.IsGet(http.Request.Method) ? StatusCodes.Status302Found : StatusCodes.Status303SeeOther);
    }

    /// <summary>The status a console page answers a core refusal with.</summary>
    public static int StatusFor(AuthError error) => error.Code switch
    {
        AuthErrorCodes.Conflict or AuthErrorCodes.EmailTaken or AuthErrorCodes.PhoneTaken or AuthErrorCodes.LastSignInMethod => StatusCodes.Status409Conflict,
        AuthErrorCodes.NotFound => StatusCodes.Status404NotFound,
        AuthErrorCodes.ElevationRequired or AuthErrorCodes.Forbidden or AuthErrorCodes.AnonymousForbidden => StatusCodes.Status403Forbidden,
        AuthErrorCodes.RateLimited or AuthErrorCodes.AccountLocked => StatusCodes.Status429TooManyRequests,
        AuthErrorCodes.PayloadTooLarge => StatusCodes.Status413PayloadTooLarge,
        _ => StatusCodes.Status400BadRequest,
    };

    /// <summary>The form's field, trimmed of nothing: a person's input is kept as typed.</summary>
    public static string Text(IFormCollection form, string name) => form[name].ToString();

    /// <summary>The error of one field from a refusal's details, if it names that field.</summary>
    public static string? FieldError(AuthError? error, string field) =>
        error?.Details is { } details && details.TryGetValue(field, out var message) ? message : null;
}
