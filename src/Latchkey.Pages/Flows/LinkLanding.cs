using Latchkey.Pages.Layout;
using Microsoft.AspNetCore.Http;

namespace Latchkey.Pages.Flows;

/// <summary>
/// The GET of an emailed link's landing page. With a <c>token</c> it shows <see cref="ConfirmLinkView"/> and waits
/// for the button. Without one it may be the end of a Nhost-style link that <c>/v1/verify</c> already redeemed and
/// redirected here: <c>error</c> means the link was spent, a <c>type</c> alone that it worked. Text from the URL is
/// never shown.
/// </summary>
internal sealed record LinkLanding(string Title, string Heading, string Message, string Action, string Button)
{
    public static IResult Show(HttpContext http, string? token, string? returnUrl, string? error, string? type, LinkLanding page,
        Func<IResult> done, Func<IResult> spent)
    {
        if (!string.IsNullOrEmpty(token))
            return PageResults.Page<ConfirmLinkView>(http, new Dictionary<string, object?>
            {
                [nameof(ConfirmLinkView.Title)] = page.Title,
                [nameof(ConfirmLinkView.Heading)] = page.Heading,
                [nameof(ConfirmLinkView.Message)] = page.Message,
                [nameof(ConfirmLinkView.Action)] = page.Action,
                [nameof(ConfirmLinkView.Button)] = page.Button,
                [nameof(ConfirmLinkView.Token)] = token,
                [nameof(ConfirmLinkView.ReturnUrl)] = returnUrl,
            });
        return !string.IsNullOrEmpty(error) || string.IsNullOrEmpty(type) ? spent() : done();
    }
}
