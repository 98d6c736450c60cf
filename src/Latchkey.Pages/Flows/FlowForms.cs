using Latchkey.Core.Common;
using Latchkey.Core.OAuth;
using Latchkey.Pages.Layout;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Latchkey.Pages.Flows;

/// <summary>What every emailed-flow page does alike: read its form (antiforgery checked), build the link a mail
/// carries back to a hosted page, and say plainly when a link is spent.</summary>
internal sealed class FlowForms(IAntiforgery antiforgery, IOptions<LatchkeyOptions> latchkey)
{
    /// <summary>The posted form, or the page that refuses it (not a form: 415; expired antiforgery token: 400, with a way back).</summary>
    public async Task<(IFormCollection? Form, IResult? Refused)> ReadAsync(HttpContext http, string retryPath, CancellationToken ct)
    {
        if (!http.Request.HasFormContentType) return (null, PageErrors.NotAForm(http));
        var form = await http.Request.ReadFormAsync(ct);
        if (!await antiforgery.IsRequestValidAsync(http))
            return (null, MessagePage.Render(http, "Please try again", "The form expired", PageErrors.FormExpired,
                [new("retry-link", "Start again", WithReturn(retryPath, form["return_url"]))], StatusCodes.Status400BadRequest, isError: true));
        return (form, null);
    }

    /// <summary>
    /// The absolute URL of a hosted page that an emailed link opens (the server's own origin is always an allowed
    /// redirect), carrying the sign-in's return URL on so the person ends where they started.
    /// </summary>
    public string LinkTarget(string path, string? returnUrl) => (latchkey.Value.PublicUrl ?? "").TrimEnd('/') + WithReturn(path, returnUrl);

    /// <summary><paramref name="path"/> with <c>return_url</c> when it is a safe local path.</summary>
    public static string WithReturn(string path, string? returnUrl) =>
        LocalReturnUrl.IsSafe(returnUrl) ? $"{path}?return_url={Uri.EscapeDataString(returnUrl!)}" : path;

    /// <summary>A link that is expired, used, or not a link at all: the same plain words (which one is not told), and the way on.</summary>
    public static IResult Spent(HttpContext http, string heading, PageLink again) =>
        MessagePage.Render(http, "Link not valid", heading, "This link has expired or has already been used.",
            [again, new("sign-in-link", "Go to the sign-in page", HostedPages.Login)], StatusCodes.Status400BadRequest, isError: true);

    /// <summary>"Check your email": the answer after anything was (perhaps) sent, the same whether the address has an account.</summary>
    public static IResult CheckEmail(HttpContext http, string message, IReadOnlyList<PageLink> links) =>
        MessagePage.Render(http, "Check your email", "Check your email", message, links);
}
