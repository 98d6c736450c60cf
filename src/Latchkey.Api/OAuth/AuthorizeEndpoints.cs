using Latchkey.Api.Common;
using Latchkey.Api.RateLimiting;
using Latchkey.Core.Common;
using Latchkey.Core.OAuth;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace Latchkey.Api.OAuth;

/// <summary><c>/api/oauth/authorize</c> (GET and POST) and the consent decision.</summary>
public static class AuthorizeEndpoints
{
    public static void MapOAuthAuthorize(this RouteGroupBuilder oauth)
    {
        oauth.MapMethods("/authorize", [HttpMethods.Get, HttpMethods.Post], Authorize).RateLimited(RateLimitPolicies.OAuthAuthorize);
        oauth.MapPost("/authorize/consent", Consent).RateLimited(RateLimitPolicies.OAuthAuthorize);
    }

    private static async Task<IResult> Authorize(
        AuthorizationRequestValidator validator, AuthorizationService authorizations, BrowserSessionReader browsers,
        SignInRequestMarker signInMarker, IOptions<LatchkeyOptions> latchkey, HttpContext http, CancellationToken ct)
    {
        var issuer = latchkey.Value.PublicUrl!;
        var parameters = await OAuthRequest.ReadFrontChannelAsync(http);
        var (request, failure) = await validator.ValidateAsync(parameters.Values, parameters.Repeated, ct);
        if (request is null) return OAuthResults.Failure(failure!, issuer);

        var browser = await browsers.ReadAsync(http, ct);
        var decision = await authorizations.DecideAsync(request, browser, ct);
        return decision.Step switch
        {
            AuthorizationStep.Login => Results.Redirect(LoginUrl(parameters, request, signInMarker)),
            AuthorizationStep.Consent => Results.Redirect(HostedPages.Consent + "?" + Query(parameters.Values)),
            AuthorizationStep.Code => OAuthResults.Code(request, decision.Code!, issuer),
            _ => OAuthResults.Failure(decision.Failure!, issuer),
        };
    }

    /// <summary>The consent page's form: the original request, the user's decision and the antiforgery token.</summary>
    private static async Task<IResult> Consent(
        IAntiforgery antiforgery, AuthorizationRequestValidator validator, AuthorizationService authorizations,
        BrowserSessionReader browsers, SignInRequestMarker signInMarker, IOptions<LatchkeyOptions> latchkey, HttpContext http, CancellationToken ct)
    {
        if (!http.Request.HasFormContentType || !await antiforgery.IsRequestValidAsync(http))
            return OAuthResults.ErrorPage("invalid_request", "The consent form expired or was not sent by this server; start again from the application");
        var issuer = latchkey.Value.PublicUrl!;
        var parameters = (await OAuthRequest.ReadFormAsync(http))!;
        var (request, failure) = await validator.ValidateAsync(parameters.Values, parameters.Repeated, ct);
        if (request is null) return OAuthResults.Failure(failure!, issuer);
        var browser = await browsers.ReadAsync(http, ct);
        if (browser is null) return Results.Redirect(LoginUrl(parameters, request, signInMarker));

        var approved = parameters["decision"] == "approve";
        var decision = await authorizations.ConsentAsync(request, browser, approved, http.RequestContext(), ct);
        return decision.Step == AuthorizationStep.Code
            ? OAuthResults.Code(request, decision.Code!, issuer)
            : OAuthResults.Failure(decision.Failure!, issuer);
    }

    /// <summary>
    /// Where to sign in, and how to come back: the same request with a fresh <see cref="SignInRequestMarker"/>
    /// (so the session signed in for it satisfies prompt=login and max_age), without the consent form's own fields.
    /// </summary>
    private static string LoginUrl(OAuthRequest parameters, AuthorizationRequest request, SignInRequestMarker signInMarker)
    {
        var back = parameters.Values
            .Where(p => p.Key is not ("decision" or AntiforgerySetup.FormFieldName or SignInRequestMarker.Parameter))
            .ToDictionary();
        back[SignInRequestMarker.Parameter] = signInMarker.Issue(request.Client.ClientId);
        var url = $"{HostedPages.Login}?return_url={Uri.EscapeDataString("/api/oauth/authorize?" + Query(back))}";
        return request.LoginHint is { } hint ? url + "&login_hint=" + Uri.EscapeDataString(hint) : url;
    }

    private static string Query(IReadOnlyDictionary<string, string> values) =>
        string.Join('&', values.Select(v => $"{Uri.EscapeDataString(v.Key)}={Uri.EscapeDataString(v.Value)}"));
}
