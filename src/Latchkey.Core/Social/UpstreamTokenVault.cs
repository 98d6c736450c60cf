using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace Latchkey.Core.Social;

/// <summary>
/// Keeps providers' tokens only when the admin turned <c>StoreUpstreamTokens</c> on, encrypted with
/// Data Protection (whose key ring lives in the database), so a database dump alone does not reveal them.
/// </summary>
public sealed class UpstreamTokenVault(IDataProtectionProvider protection, IOptions<SocialOptions> options)
{
    private readonly IDataProtector _protector = protection.CreateProtector("Latchkey.Social.UpstreamTokens.v1");

    public void Store(UserIdentity identity, UpstreamTokens tokens)
    {
        if (!options.Value.StoreUpstreamTokens) return;
        identity.ProtectedAccessToken = _protector.Protect(tokens.AccessToken);
        if (tokens.RefreshToken is not null) identity.ProtectedRefreshToken = _protector.Protect(tokens.RefreshToken);
        identity.AccessTokenExpiresAt = tokens.ExpiresAt;
    }

    /// <summary>The provider's access token for apps that call its API; null when none is kept.</summary>
    public string? AccessToken(UserIdentity identity) =>
        identity.ProtectedAccessToken is null ? null : _protector.Unprotect(identity.ProtectedAccessToken);

    public string? RefreshToken(UserIdentity identity) =>
        identity.ProtectedRefreshToken is null ? null : _protector.Unprotect(identity.ProtectedRefreshToken);
}
