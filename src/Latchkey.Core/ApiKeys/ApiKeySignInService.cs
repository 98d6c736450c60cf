using Latchkey.Core.Audit;
using Latchkey.Core.Common;
using Latchkey.Core.Sessions;
using Latchkey.Core.Users;

namespace Latchkey.Core.ApiKeys;

/// <summary>
/// Sign-in with a personal access token (an API key with an expiry): the key is looked up by its
/// SHA-256, so the lookup itself is the constant-time comparison, and trades for a normal session.
/// </summary>
public sealed class ApiKeySignInService(
    IApiKeyStore keys, IUserStore users, SessionStarter sessions, ActivityLog activity, IUnitOfWork unitOfWork, TimeProvider clock)
{
    private static readonly AuthError Invalid = new(AuthErrorCodes.InvalidApiKey, "Invalid or expired personal access token");

    public async Task<Result<StartedSession>> SignInAsync(string? secret, string sessionKind, RequestContext context, CancellationToken ct)
    {
        if (!ApiKeyFormat.LooksLikeSecret(secret)) return await FailAsync(null, "malformed", Invalid, context, ct);
        var found = await keys.FindBySecretHashAsync(SecretHash.Sha256(secret!), ct);
        if (found is null) return await FailAsync(null, "unknown_token", Invalid, context, ct);
        if (found.ExpiresAt <= clock.GetUtcNow().UtcDateTime) return await FailAsync(found.Subject.UserId, "expired", Invalid, context, ct);
        var user = await users.FindByIdAsync(found.Subject.UserId, ct);
        if (user is null) return await FailAsync(null, "unknown_account", Invalid, context, ct);
        if (user.Disabled)
            return await FailAsync(user.Id, "disabled", new AuthError(AuthErrorCodes.AccountDisabled, "This account is disabled"), context, ct);
        return await sessions.StartAsync(user, sessionKind, AuthMethods.PersonalAccessToken, context, ct);
    }

    private async Task<Result<StartedSession>> FailAsync(Guid? userId, string reason, AuthError error, RequestContext context, CancellationToken ct)
    {
        activity.Record(ActivityTypes.LoginFailed, userId, context, success: false, new { method = AuthMethods.PersonalAccessToken, reason });
        await unitOfWork.SaveChangesAsync(ct);
        return error;
    }
}
