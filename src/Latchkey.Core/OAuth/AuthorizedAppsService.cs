using Latchkey.Core.Audit;
using Latchkey.Core.Common;
using Latchkey.Core.Sessions;

namespace Latchkey.Core.OAuth;

/// <summary>The applications a user has consented to, and withdrawing a consent (which revokes its grants).</summary>
public sealed class AuthorizedAppsService(
    IConsentStore consents,
    IOAuthClientStore clients,
    ISessionStore sessions,
    SessionStateCache sessionState,
    ActivityLog activity,
    IUnitOfWork unitOfWork,
    TimeProvider clock)
{
    public async Task<IReadOnlyList<(OAuthConsent Consent, OAuthClient Client)>> ListAsync(Guid userId, CancellationToken ct)
    {
        var list = await consents.ListForUserAsync(userId, ct);
        var byId = (await clients.FindByIdsAsync(list.Select(c => c.ClientRowId).ToList(), ct)).ToDictionary(c => c.Id);
        return list.Where(c => byId.ContainsKey(c.ClientRowId)).Select(c => (c, byId[c.ClientRowId])).ToList();
    }

    public async Task<Result<Unit>> RevokeAsync(Guid userId, string clientId, RequestContext context, CancellationToken ct)
    {
        var client = await clients.FindByClientIdAsync(clientId, ct);
        var consent = client is null ? null : await consents.FindAsync(userId, client.Id, ct);
        if (consent is null) return new AuthError(AuthErrorCodes.NotFound, "No consent for this application");
        var now = clock.GetUtcNow().UtcDateTime;
        await unitOfWork.InTransactionAsync(async token =>
        {
            await sessions.RevokeClientGrantsAsync(userId, client!.Id, now, RevokeReasons.ConsentRevoked, token);
            consents.Remove(consent);
            activity.Record(ActivityTypes.OAuthConsentRevoked, userId, context, details: new { clientId });
            await unitOfWork.SaveChangesAsync(token);
            return Unit.Value;
        }, ct);
        sessionState.ForgetUser(userId);
        return Unit.Value;
    }
}
