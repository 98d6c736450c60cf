namespace Latchkey.Core.OAuth;

public interface IConsentStore
{
    /// <summary>A tracked consent, or null.</summary>
    Task<OAuthConsent?> FindAsync(Guid userId, Guid clientRowId, CancellationToken ct);
    void Add(OAuthConsent consent);
    void Remove(OAuthConsent consent);
    Task<IReadOnlyList<OAuthConsent>> ListForUserAsync(Guid userId, CancellationToken ct);
}
