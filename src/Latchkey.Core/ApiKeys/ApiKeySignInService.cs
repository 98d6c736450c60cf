using Latchkey.Core.Common;
using Latchkey.Core.Sessions;
using Latchkey.Core.Users;

namespace Latchkey.Core.ApiKeys;

/// <summary>
/// Sign-in with a personal access token (an API key with an expiry): the key is looked up by its
/// SHA-256, so the lookup itself is the constant-time comparison, and trades for a normal session.
/// </summary>
public sealed class ApiKeySignInService(IApiKeyStore keys, IUserStore users, SessionStarter sessions, TimeProvider clock)
{
    private static readonly AuthError Invalid = new(AuthErrorCodes.InvalidApiKey, "Invalid or expired personal access token");

    public async Task<Result<StartedSession>> SignInAsync(string? secret, string sessionKind, RequestContext context, CancellationToken ct)
    {
        if (!ApiKeyFormat.LooksLikeSecret(secret)) return Invalid;
        var found = await keys.FindBySecretHashAsync(SecretHash.Sha256(secret!), ct);
        var now = clock.GetUtcNow().UtcDateTime;
        if (found is null || found.ExpiresAt <= now) return Invalid;
        var user = await users.FindByIdAsync(found.Subject.UserId, ct);
        if (user is null) return Invalid;
        if (user.Disabled) return new AuthError(AuthErrorCodes.AccountDisabled, "This account is disabled");
        return await sessions.StartAsync(user, sessionKind, AuthMethods.PersonalAccessToken, context, ct);
    }
}
