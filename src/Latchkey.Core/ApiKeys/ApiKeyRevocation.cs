using Latchkey.Core.Account;
using Latchkey.Core.Audit;
using Latchkey.Core.Common;
using Latchkey.Core.Messaging;
using Latchkey.Core.Users;
using Microsoft.Extensions.Options;

namespace Latchkey.Core.ApiKeys;

/// <summary>
/// Revokes every API key (and personal access token) of an account when its password is replaced, as
/// <see cref="ApiKeyOptions"/> says for a reset and for a change, and tells the owner by email which it did,
/// so an integration that stops working is explained. Runs inside the caller's transaction: the keys go with
/// the sessions or not at all.
/// </summary>
public sealed class ApiKeyRevocation(IApiKeyStore keys, IAccountProfileStore profiles, MessageOutbox outbox, ActivityLog activity, IOptions<ApiKeyOptions> options)
{
    public const string Template = "api-keys-revoked";

    public Task<int> AfterPasswordResetAsync(User user, RequestContext context, CancellationToken ct) =>
        options.Value.RevokeOnPasswordReset ? RevokeAllAsync(user, "password_reset", context, ct) : Task.FromResult(0);

    public Task<int> AfterPasswordChangeAsync(User user, RequestContext context, CancellationToken ct) =>
        options.Value.RevokeOnPasswordChange ? RevokeAllAsync(user, "password_changed", context, ct) : Task.FromResult(0);

    private async Task<int> RevokeAllAsync(User user, string reason, RequestContext context, CancellationToken ct)
    {
        var count = await keys.DeleteAllForUserAsync(user.Id, ct);
        if (count == 0) return 0;
        activity.Record(ActivityTypes.ApiKeyDeleted, user.Id, context, details: new { keysRevoked = count, reason });
        // The notice is one a person may switch off in their preferences; it goes in their own language.
        var profile = await profiles.FindAsync(user.Id, ct);
        if (profile is null || PreferenceFields.From(user, profile).Wants(Preferences.ApiKeysRevoked))
            outbox.Email(user.Email, Template, user.Locale ?? context.Locale, new Dictionary<string, string> { ["count"] = count.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        return count;
    }
}
