using Latchkey.Core.OAuth;
using Latchkey.Core.Users;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Latchkey.Pages.Layout;

namespace Latchkey.Pages.OAuth;

/// <summary>
/// <c>/consent</c>: shows who asks for what, and posts the user's answer with the original request to
/// <c>POST /api/oauth/authorize/consent</c>, which validates everything again.
/// </summary>
internal static class ConsentPage
{
    public static void MapConsentPage(this IEndpointRouteBuilder app) => app.MapGet(HostedPages.Consent, Show);

    private static async Task<IResult> Show(
        AuthorizationRequestValidator validator, BrowserSessionReader browsers, IUserStore users,
        HttpContext http, CancellationToken ct)
    {
        var (values, repeated) = OAuthParameters.From(http.Request.Query);
        var (request, failure) = await validator.ValidateAsync(values, repeated, ct);
        if (request is null) return ErrorPage.Render(http, failure!.Error, failure.Description);
        var browser = await browsers.ReadAsync(http, ct);
        if (browser is null)
            return Results.Redirect($"{HostedPages.Login}?return_url={Uri.EscapeDataString(http.Request.Path + http.Request.QueryString)}");
        var user = await users.FindByIdAsync(browser.UserId, ct);

        return PageResults.Page<ConsentView>(http, new Dictionary<string, object?>
        {
            [nameof(ConsentView.Request)] = request,
            [nameof(ConsentView.Email)] = user?.Email,
            [nameof(ConsentView.Values)] = values.ToList(),
        });
    }
}
