using Latchkey.Api.Common;
using Latchkey.Api.Nhost.Contracts;
using Latchkey.Core.Authentication;
using Latchkey.Core.Common;
using Latchkey.Core.Sessions;
using Latchkey.Core.Social;
using Latchkey.Core.Users;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace Latchkey.Api.Nhost;

/// <summary>
/// <c>/v1/signin/provider/{provider}</c> and its callback (GET, and POST for Apple's form_post): the core's
/// redirect flow (single-use state bound to the browser, PKCE, nonce), answered as Nhost does: the browser
/// lands on <c>redirectTo?refreshToken=…</c>, or <c>redirectTo?error=…&amp;errorDescription=…</c>. What cannot
/// be sent to a verified redirect (a bad start, an unknown state) is answered in the JSON ErrorResponse.
/// </summary>
public static class ProviderEndpoints
{
    public static void MapNhostProviders(this RouteGroupBuilder v1)
    {
        v1.MapGet("/signin/provider/{provider}", Start);
        v1.MapGet("/signin/provider/{provider}/callback", Callback);
        v1.MapPost("/signin/provider/{provider}/callback", Callback);
    }

    /// <summary>This surface's redirect_uri at the provider (register it beside the Platform's; docs/nhost.md).</summary>
    public static string CallbackUrl(IOptions<LatchkeyOptions> latchkey, string provider) =>
        $"{latchkey.Value.PublicUrl!.TrimEnd('/')}/v1/signin/provider/{Uri.EscapeDataString(provider)}/callback";

    private static async Task<IResult> Start(
        string provider, SocialFlowService flow, OAuthStateCookie stateCookie, CallerAuthenticator authenticator, IOptions<UserDefaultsOptions> defaults,
        IOptions<LatchkeyOptions> latchkey, NhostErrors errors, HttpContext http, CancellationToken ct)
    {
        var query = http.Request.Query;
        var options = ProviderSignInOptions.Read(query);
        if (!options.IsSuccess) return errors.ToResult(options.Error);
        if (UserProfile.Validate(options.Value, defaults.Value) is { } invalid) return errors.ToResult(invalid);
        Guid? connectTo = null;
        if (ProviderSignInOptions.Single(query, "connect") is { } accessToken)
        {
            if (await authenticator.FromAccessTokenAsync(accessToken, ct) is not { } caller)
                return errors.ToResult(new AuthError(AuthErrorCodes.Unauthenticated, "connect must be a valid access token"));
            connectTo = caller.UserId;
        }

        var name = provider.ToLowerInvariant();
        var started = await flow.BeginAsync(name, ProviderSignInOptions.Single(query, "redirectTo"), CallbackUrl(latchkey, name), connectTo, ct,
            connectTo is null ? options.Value : null);
        if (!started.IsSuccess) return errors.ToResult(started.Error);
        stateCookie.Set(http, started.Value.BrowserSecret);
        return SocialCallback.Redirect(http, started.Value.AuthorizationUrl, seeOtherAfterPost: false);
    }

    private static async Task<IResult> Callback(
        SocialFlowService flow, OAuthStateCookie stateCookie, NhostErrors errors, HttpContext http, CancellationToken ct)
    {
        var finished = await flow.CompleteAsync(await SocialCallback.ReadAsync(http, stateCookie.Read(http), ct), SessionKinds.Bearer, http.RequestContext(), ct);
        var result = finished.Result;
        Dictionary<string, string?> query;
        if (!result.IsSuccess)
        {
            // No state, no verified place to send the browser: the spec's JSON error, never a redirect chosen by the request.
            if (!finished.StateFound) return errors.ToResult(result.Error);
            // A callback with someone else's state must not end this browser's own flow in progress.
            if (result.Error.Code != AuthErrorCodes.InvalidState) stateCookie.Clear(http);
            query = ErrorQuery(errors, result.Error);
        }
        else
        {
            stateCookie.Clear(http);
            query = result.Value switch
            {
                // Nhost's redirect has no second-factor step; a session here would skip the account's second factor.
                { Challenge: not null } => ErrorQuery(errors, new AuthError(AuthErrorCodes.Forbidden,
                    "This account signs in with a second factor, which a provider redirect cannot ask for; sign in with email and password")),
                { Session: { } session } => new() { ["refreshToken"] = session.RefreshToken },
                _ => [], // a connected identity: back to the app
            };
        }
        // 302 for the form post too: the spec declares 302, and browsers follow it with a GET.
        return SocialCallback.Redirect(http, QueryHelpers.AddQueryString(finished.RedirectUrl, query), seeOtherAfterPost: false);
    }

    private static Dictionary<string, string?> ErrorQuery(NhostErrors errors, AuthError error)
    {
        var body = (NhostErrorResponse)errors.Body(error, null);
        return new Dictionary<string, string?> { ["error"] = body.Error, ["errorDescription"] = body.Message };
    }
}
