using Latchkey.Core.OAuth;
using Latchkey.Core.Users;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using static Latchkey.Pages.Html;

namespace Latchkey.Pages;

/// <summary>
/// <c>/consent</c>: shows who asks for what, and posts the user's answer with the original request to
/// <c>POST /api/oauth/authorize/consent</c>, which validates everything again.
/// </summary>
internal static class ConsentPage
{
    public static void MapConsentPage(this IEndpointRouteBuilder app) => app.MapGet(HostedPages.Consent, Show);

    private static async Task<IResult> Show(
        AuthorizationRequestValidator validator, BrowserSessionReader browsers, IUserStore users, IAntiforgery antiforgery,
        HttpContext http, CancellationToken ct)
    {
        var (values, repeated) = OAuthParameters.From(http.Request.Query);
        var (request, failure) = await validator.ValidateAsync(values, repeated, ct);
        if (request is null) return ErrorPage.Render(http, failure!.Error, failure.Description);
        var browser = await browsers.ReadAsync(http, ct);
        if (browser is null)
            return Results.Redirect($"{HostedPages.Login}?return_url={Uri.EscapeDataString(http.Request.Path + http.Request.QueryString)}");
        var user = await users.FindByIdAsync(browser.UserId, ct);

        var client = request.Client;
        var logo = client.LogoUri is { } l ? $"<img class=\"logo\" src=\"{E(l)}\" alt=\"\">" : "";
        var site = client.ClientUri is { } u ? $"<p><a href=\"{E(u)}\" rel=\"noopener noreferrer\">{E(u)}</a></p>" : "";
        var scopes = string.Concat(request.Scopes.Where(Scopes.IsStandard).Select(s => $"<li>{E(Scopes.Descriptions.GetValueOrDefault(s, s))}</li>"));
        var api = ApiSection(request);
        var hidden = string.Concat(values.Select(v => Hidden(v.Key, v.Value)));
        var body = $"""
            {logo}
            <h1>{E(client.Name)} wants to access your account</h1>
            {site}
            <p>Signed in as <strong>{E(user?.Email)}</strong>.</p>
            <p id="scopes-label">It will be able to:</p>
            <ul class="scopes" aria-labelledby="scopes-label">{scopes}</ul>
            {api}
            <form method="post" action="/api/oauth/authorize/consent">
            {Antiforgery(antiforgery, http)}
            {hidden}
            <button type="submit" name="decision" value="approve">Allow</button>
            <button type="submit" name="decision" value="deny" class="secondary">Deny</button>
            </form>
            """;
        return Page(http, $"Allow {client.Name}?", body);
    }

    /// <summary>The API resource the token will be for (RFC 8707) and, in the words its administrator gave, what each of its scopes allows.</summary>
    private static string ApiSection(AuthorizationRequest request)
    {
        if (request.Resource is not { } resource) return "";
        var items = request.Scopes.Where(s => !Scopes.IsStandard(s))
            .Select(s => $"<li><code>{E(s)}</code>: {E(resource.Scopes.Find(x => x.Value == s)?.Description ?? s)}</li>");
        return $"""
            <p id="api-label">On <strong>{E(resource.Name)}</strong> (<code>{E(resource.Identifier)}</code>), it will be able to:</p>
            <ul class="scopes api-scopes" aria-labelledby="api-label">{string.Concat(items)}</ul>
            """;
    }
}
