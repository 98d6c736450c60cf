using Latchkey.Core.Audit;
using Latchkey.Core.Common;
using Latchkey.Core.Sessions;

namespace Latchkey.Core.OAuth;

/// <summary>
/// RP-Initiated Logout 1.0: checks the request (post_logout_redirect_uri only if registered by the client
/// named by client_id or the id_token_hint), ends the browser session, revokes the grants it started
/// (except offline_access ones, which outlive sign-outs by definition), and queues Back-Channel Logout 1.0
/// notices for the clients (<see cref="SessionService.LogoutAsync"/>).
/// </summary>
public sealed class EndSessionService(
    IdTokenHintReader hints,
    IOAuthClientStore clients,
    ISessionStore sessions,
    SessionService sessionService,
    SessionStateCache sessionState,
    ActivityLog activity,
    IUnitOfWork unitOfWork,
    TimeProvider clock)
{
    public async Task<Result<EndSessionRequest>> ValidateAsync(string? idTokenHint, string? clientId, string? postLogoutRedirectUri, CancellationToken ct)
    {
        IdTokenHint? hint = null;
        if (idTokenHint is not null && (hint = await hints.ReadAsync(idTokenHint)) is null)
            return Invalid("id_token_hint is not an id token issued by this server");
        if (clientId is not null && hint is not null && !hint.Audiences.Contains(clientId))
            return Invalid("client_id does not match the id_token_hint");
        var id = clientId ?? (hint?.Audiences is [var single] ? single : null);
        var client = id is null ? null : await clients.FindByClientIdAsync(id, ct);
        if (id is not null && client is null) return Invalid("Unknown client");
        if (postLogoutRedirectUri is not null && (client is null || !client.PostLogoutRedirectUris.Contains(postLogoutRedirectUri, StringComparer.Ordinal)))
            return Invalid("post_logout_redirect_uri is not registered for this client");
        return new EndSessionRequest(hint, client, postLogoutRedirectUri);
    }

    /// <summary>Whether the request proves the RP speaks for this browser's user, so no confirmation is needed.</summary>
    public static bool IsConfirmedBy(EndSessionRequest request, BrowserSession browser) => request.Hint?.UserId == browser.UserId;

    public async Task LogoutAsync(BrowserSession browser, RequestContext context, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var grants = await sessions.ListGrantsOfBrowserSessionAsync(browser.SessionId, now, ct);
        // One transaction: the browser session, its grants and the back-channel logouts it owes end together.
        await unitOfWork.InTransactionAsync(async token =>
        {
            await sessionService.LogoutAsync(browser.UserId, browser.SessionId, context, token);
            foreach (var grant in grants.Where(g => !Scopes.Has(g.Scope, Scopes.OfflineAccess)))
                await sessions.RevokeAsync(grant.Id, now, RevokeReasons.EndSession, token);
            activity.Record(ActivityTypes.OAuthEndSession, browser.UserId, context, details: new { sessionId = browser.SessionId, grants = grants.Count });
            await unitOfWork.SaveChangesAsync(token);
            return Unit.Value;
        }, ct);
        sessionState.Forget(browser.SessionId);
        foreach (var grant in grants) sessionState.Forget(grant.Id);
    }

    private static AuthError Invalid(string message) => new(AuthErrorCodes.InvalidRequest, message);
}

public sealed record EndSessionRequest(IdTokenHint? Hint, OAuthClient? Client, string? PostLogoutRedirectUri);
