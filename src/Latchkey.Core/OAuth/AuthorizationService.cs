using Latchkey.Core.Audit;
using Latchkey.Core.Common;
using Microsoft.Extensions.Options;

namespace Latchkey.Core.OAuth;

/// <summary>
/// Decides an authorization request for the signed-in browser (OIDC Core §3.1.2.3-4): sign-in needed
/// (no session, prompt=login, max_age passed, another user hinted), consent needed, or a code.
/// </summary>
public sealed class AuthorizationService(
    IConsentStore consents,
    IAuthorizationCodeStore codes,
    ActivityLog activity,
    IUnitOfWork unitOfWork,
    IOptions<OAuthOptions> options,
    TimeProvider clock)
{
    public async Task<AuthorizationDecision> DecideAsync(AuthorizationRequest request, BrowserSession? browser, CancellationToken ct)
    {
        var none = request.Prompt.Contains("none");
        // OIDC Core §3.1.2.2: another user than id_token_hint's may sign in on the page, but the answer is then an
        // error at the client, not another trip to the page (which would loop for as long as that user stays).
        if (HintedUserDiffers(request, browser) && (none || SignedInForThisRequest(request, browser!)))
            return Error(request, AuthErrorCodes.LoginRequired, "The signed-in user is not the one id_token_hint names");
        if (NeedsLogin(request, browser))
            return none ? Error(request, AuthErrorCodes.LoginRequired, "The user is not signed in") : new(AuthorizationStep.Login);

        if (!request.Client.FirstParty)
        {
            var consent = await consents.FindAsync(browser!.UserId, request.Client.Id, ct);
            var covered = consent is not null && Scopes.IsSubset(request.Scopes, consent.Scope);
            if (!covered || request.Prompt.Contains("consent"))
                return none ? Error(request, AuthErrorCodes.ConsentRequired, "The user has not consented to these scopes") : new(AuthorizationStep.Consent);
        }
        return new(AuthorizationStep.Code, await IssueCodeAsync(request, browser!, ct));
    }

    /// <summary>The user's answer on the consent page. Approval is remembered per user, client and scopes.</summary>
    public async Task<AuthorizationDecision> ConsentAsync(AuthorizationRequest request, BrowserSession browser, bool approved, RequestContext context, CancellationToken ct)
    {
        if (!approved) return Error(request, AuthErrorCodes.AccessDenied, "The user denied the request");
        await RememberConsentAsync(browser.UserId, request.Client.Id, request.Scopes, context, ct);
        return new(AuthorizationStep.Code, await IssueCodeAsync(request, browser, ct));
    }

    /// <summary>Adds <paramref name="scopes"/> to the user's consent for the client (saved with the caller's unit of work).</summary>
    public async Task RememberConsentAsync(Guid userId, Guid clientRowId, IEnumerable<string> scopes, RequestContext context, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var consent = await consents.FindAsync(userId, clientRowId, ct);
        if (consent is null)
        {
            consent = new OAuthConsent { Id = Ids.New(), UserId = userId, ClientRowId = clientRowId, Scope = "", CreatedAt = now };
            consents.Add(consent);
        }
        consent.Scope = Scopes.Join(Scopes.Parse(consent.Scope + " " + Scopes.Join(scopes))!);
        consent.UpdatedAt = now;
        activity.Record(ActivityTypes.OAuthConsentGranted, userId, context, details: new { clientRowId, scope = consent.Scope });
    }

    /// <summary>
    /// Whether the browser must sign in (again). prompt=login, select_account and max_age (max_age=0 being
    /// prompt=login, OIDC Core §3.1.2.1) are satisfied only by a sign-in that happened for this request:
    /// one at or after the moment it sent the browser to sign in. So the request keeps its parameters,
    /// and the fresh session that comes back ends in a code or an error instead of another round.
    /// </summary>
    private bool NeedsLogin(AuthorizationRequest request, BrowserSession? browser)
    {
        if (browser is null || HintedUserDiffers(request, browser)) return true;
        if (SignedInForThisRequest(request, browser)) return false;
        if (request.Prompt.Contains("login") || request.Prompt.Contains("select_account")) return true;
        return request.MaxAge is { } maxAge
            && (maxAge == 0 || clock.GetUtcNow().UtcDateTime - browser.AuthTime > TimeSpan.FromSeconds(maxAge));
    }

    private static bool HintedUserDiffers(AuthorizationRequest request, BrowserSession? browser) =>
        browser is not null && request.IdTokenHint is { } hint && hint.UserId != browser.UserId;

    private static bool SignedInForThisRequest(AuthorizationRequest request, BrowserSession browser) =>
        request.SignInRequestedAt is { } asked && browser.AuthTime >= asked;

    private async Task<string> IssueCodeAsync(AuthorizationRequest request, BrowserSession browser, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var code = RandomSecrets.Base64Url();
        codes.Add(new AuthorizationCode
        {
            Id = Ids.New(),
            CodeHash = SecretHash.Sha256(code),
            ClientRowId = request.Client.Id,
            UserId = browser.UserId,
            BrowserSessionId = browser.SessionId,
            RedirectUri = request.RedirectUri,
            Scope = request.Scope,
            Nonce = request.Nonce,
            CodeChallenge = request.CodeChallenge,
            AuthTime = browser.AuthTime,
            CreatedAt = now,
            ExpiresAt = now + options.Value.AuthorizationCodeLifetime,
        });
        await unitOfWork.SaveChangesAsync(ct);
        return code;
    }

    private static AuthorizationDecision Error(AuthorizationRequest request, string error, string description) =>
        new(AuthorizationStep.Error, Failure: new AuthorizationFailure(error, description, request.RedirectUri, request.State, request.ResponseMode));
}
