using System.Security.Claims;
using System.Text.Encodings.Web;
using Latchkey.Api.Common;
using Latchkey.Core.Admin.Impersonation;
using Latchkey.Core.Authentication;
using Latchkey.Core.Common;
using Latchkey.Core.Sessions;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Latchkey.Api.Authentication;

/// <summary>
/// One scheme for every credential a caller may present, in this order: <c>Authorization: Bearer</c>
/// (an access token, or an <c>sk_live_</c> API key), <c>X-API-Key</c>, then the session cookie, which
/// a state-changing request may use only from this server's own origin (<see cref="CrossSiteRequestGuard"/>).
/// It runs only for endpoints that require authorization, so public endpoints never pay for it.
/// </summary>
public sealed class LatchkeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    CallerAuthenticator authenticator,
    CrossSiteRequestGuard crossSite,
    IOptions<SessionOptions> sessionOptions,
    ImpersonationCookie impersonation)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var caller = await AuthenticateAsync(Context.RequestAborted);
        if (caller is null) return AuthenticateResult.NoResult();

        Context.Features.Set(new CallerFeature(caller));
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, caller.UserId.ToString()),
            new(ClaimTypes.Email, caller.Email),
            new(ClaimTypes.Role, caller.Role),
        };
        if (caller.SessionId is { } sid) claims.Add(new Claim(LatchkeyAuthentication.SessionClaim, sid.ToString()));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, LatchkeyAuthentication.Scheme));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, LatchkeyAuthentication.Scheme));
    }

    private async Task<Caller?> AuthenticateAsync(CancellationToken ct)
    {
        var authorization = Request.Headers.Authorization.ToString();
        if (authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            var value = authorization["Bearer ".Length..].Trim();
            return value.StartsWith(Core.ApiKeys.ApiKeyFormat.SecretPrefix, StringComparison.Ordinal)
                ? await authenticator.FromApiKeyAsync(value, ct)
                : await authenticator.FromAccessTokenAsync(value, ct);
        }
        if (Request.Headers.TryGetValue(LatchkeyAuthentication.ApiKeyHeader, out var apiKey))
            return await authenticator.FromApiKeyAsync(apiKey.ToString(), ct);
        if (Request.Cookies.TryGetValue(sessionOptions.Value.CookieName, out var cookie))
        {
            if (crossSite.Allows(Request)) return Impersonated(await authenticator.FromCookiesAsync(cookie, impersonation.Read(Request), ct));
            Context.Items[CrossSiteRefused] = true;
        }
        return null;
    }

    /// <summary>An impersonated caller acts as the user, except on the sensitive endpoints (<see cref="ImpersonationLimits"/>).</summary>
    private Caller? Impersonated(Caller? caller)
    {
        if (caller is not { ActorId: { } actor }) return caller;
        if (ImpersonationLimits.Refuses(Context))
        {
            Context.Items[ImpersonationRefused] = true;
            return null;
        }
        Context.Features.Set(new ActingAdministrator(actor));
        return caller;
    }

    private static readonly object CrossSiteRefused = new();
    private static readonly object ImpersonationRefused = new();

    protected override Task HandleChallengeAsync(AuthenticationProperties properties) =>
        Context.SurfaceErrors(PlainErrors.Instance).WriteAsync(Context,
            Context.Items.ContainsKey(ImpersonationRefused) ? ImpersonationRules.Refused
            : Context.Items.ContainsKey(CrossSiteRefused)
                ? new AuthError(AuthErrorCodes.Forbidden, "Cross-site request refused: this cookie-authenticated change must come from this server's own pages")
                : new AuthError(AuthErrorCodes.Unauthenticated, "Authentication required"));

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        var error = Context.Features.Get<CallerFeature>()?.Caller is { HasSession: false }
            ? new AuthError(AuthErrorCodes.SessionRequired, "This operation needs a signed-in session; API keys cannot perform it")
            : new AuthError(AuthErrorCodes.Forbidden, "You do not have permission to do this");
        return Context.SurfaceErrors(PlainErrors.Instance).WriteAsync(Context, error);
    }
}
