using Latchkey.Core.Common;
using Latchkey.Core.Mfa;
using Latchkey.Core.Sessions;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Latchkey.Pages.Layout;

namespace Latchkey.Pages.SignIn;

/// <summary>
/// <c>POST /login/second-factor</c>: the code step of an account with a second factor. The challenge token of
/// the first step (password, or a social sign-in) rides in the form; <see cref="TwoFactorLoginService"/> limits
/// the attempts, counts wrong codes toward the lockout and uses the ticket up on success, so a replayed form
/// starts nothing. Actions: <c>verify</c> a code, <c>send</c> an email/SMS code, <c>resume</c> (show the form
/// for a token that arrived in a URL fragment).
/// </summary>
internal static class SecondFactorStep
{
    public const string Path = "/login/second-factor";

    private static readonly Dictionary<string, string> Labels = new(StringComparer.Ordinal)
    {
        [TwoFactorMethods.Totp] = "Authenticator app",
        [TwoFactorMethods.Email] = "Code sent by email",
        [TwoFactorMethods.Sms] = "Code sent by text message",
        [TwoFactorMethods.Recovery] = "Recovery code",
    };

    public static async Task<IResult> Submit(
        IAntiforgery antiforgery, TwoFactorLoginService twoFactor, SessionCookie cookie, LoginForm forms, HttpContext http, CancellationToken ct)
    {
        if (!http.Request.HasFormContentType) return PageErrors.NotAForm(http);
        var form = await http.Request.ReadFormAsync(ct);
        string? token = form["challenge"], returnUrl = form["return_url"], method = form["method"], action = form["action"];
        if (!await antiforgery.IsRequestValidAsync(http))
            return forms.Password(http, returnUrl, null, PageErrors.FormExpiredSignIn, StatusCodes.Status400BadRequest);
        method = string.IsNullOrEmpty(method) ? null : method;
        var context = RequestContext.From(http);

        if (action is "send" or "resume")
        {
            Result<string>? sent = action == "send" ? await twoFactor.SendCodeAsync(token, method, context, ct) : default(Result<string>?);
            var described = await twoFactor.DescribeAsync(token, ct);
            if (described is null) return Expired(http, forms, returnUrl);
            return sent switch
            {
                null => forms.Code(http, described, returnUrl, null, null),
                { IsSuccess: true } => forms.Code(http, described with { DefaultMethod = method }, returnUrl, null, "We sent you a code. Enter it below."),
                { } failed => forms.Code(http, described, returnUrl, failed.Error.Message, null, StatusCodes.Status400BadRequest),
            };
        }

        var result = await twoFactor.CompleteAsync(token, null, method, form["code"], context, ct);
        if (result.IsSuccess)
        {
            cookie.Set(http, result.Value.CookieSecret!, result.Value.ExpiresAt);
            return Results.Redirect(LocalReturnUrl.OrDefault(returnUrl));
        }
        if (result.Error.Code is AuthErrorCodes.InvalidChallenge or AuthErrorCodes.AccountLocked)
            return Expired(http, forms, returnUrl, result.Error.Code == AuthErrorCodes.AccountLocked ? result.Error.Message : null);
        var again = await twoFactor.DescribeAsync(token, ct);
        return again is null
            ? Expired(http, forms, returnUrl)
            : forms.Code(http, again with { DefaultMethod = method ?? again.DefaultMethod }, returnUrl, result.Error.Message, null, StatusCodes.Status401Unauthorized);
    }

    private static IResult Expired(HttpContext http, LoginForm forms, string? returnUrl, string? message = null) =>
        forms.Password(http, returnUrl, null, message ?? TwoFactorLoginService.InvalidChallenge.Message, StatusCodes.Status401Unauthorized);

    public static IResult Render(HttpContext http, TwoFactorChallenge challenge, string? returnUrl, string? error, string? notice, int status)
    {
        var methods = challenge.Methods.Where(Labels.ContainsKey).Append(TwoFactorMethods.Recovery).Distinct()
            .Select(m => new KeyValuePair<string, string>(m, Labels[m])).ToList();
        return PageResults.Page<SecondFactorView>(http, new Dictionary<string, object?>
        {
            [nameof(SecondFactorView.Challenge)] = challenge,
            [nameof(SecondFactorView.Methods)] = methods,
            [nameof(SecondFactorView.Sendable)] = methods.Any(m => TwoFactorMethods.IsDelivered(m.Key)),
            [nameof(SecondFactorView.ReturnUrl)] = returnUrl,
            [nameof(SecondFactorView.Error)] = error,
            [nameof(SecondFactorView.Notice)] = notice,
        }, status);
    }
}
