using System.Text.Json;
using Latchkey.Core.Audit;
using Latchkey.Core.Scim;

namespace Latchkey.Core.Webhooks;

/// <summary>
/// Which webhook events an activity row raises. The activity log is the one place every security-relevant
/// action is recorded, so mapping from it covers every surface that performs the action.
/// </summary>
public static class WebhookEventMap
{
    private static readonly Dictionary<string, string> Direct = new(StringComparer.Ordinal)
    {
        [ActivityTypes.UserRegistered] = WebhookEventTypes.UserCreated,
        [ActivityTypes.ProfileUpdated] = WebhookEventTypes.UserUpdated,
        [ActivityTypes.AccountLocked] = WebhookEventTypes.UserLocked,
        [ActivityTypes.LoginSucceeded] = WebhookEventTypes.LoginSuccess,
        [ActivityTypes.LoginFailed] = WebhookEventTypes.LoginFailed,
        [ActivityTypes.Logout] = WebhookEventTypes.Logout,
        [ActivityTypes.PasswordChanged] = WebhookEventTypes.PasswordChanged,
        [ActivityTypes.PasswordReset] = WebhookEventTypes.PasswordReset,
        [ActivityTypes.EmailChanged] = WebhookEventTypes.EmailChanged,
        [ActivityTypes.TwoFactorEnabled] = WebhookEventTypes.TwoFactorEnabled,
        [ActivityTypes.TwoFactorDisabled] = WebhookEventTypes.TwoFactorDisabled,
        [ActivityTypes.PasskeyAdded] = WebhookEventTypes.PasskeyAdded,
        [ActivityTypes.PasskeyRemoved] = WebhookEventTypes.PasskeyRemoved,
        [ActivityTypes.SessionsRevoked] = WebhookEventTypes.SessionRevoked,
        [ActivityTypes.AdminSessionRevoked] = WebhookEventTypes.SessionRevoked,
        [ActivityTypes.OAuthConsentGranted] = WebhookEventTypes.OAuthConsentGranted,
        [ActivityTypes.OAuthConsentRevoked] = WebhookEventTypes.OAuthConsentRevoked,
        [ScimActivityTypes.UserCreated] = WebhookEventTypes.ScimUserCreated,
        [ScimActivityTypes.UserUpdated] = WebhookEventTypes.ScimUserUpdated,
        [ScimActivityTypes.UserDeactivated] = WebhookEventTypes.ScimUserDeactivated,
        [ScimActivityTypes.UserReactivated] = WebhookEventTypes.ScimUserReactivated,
        [ScimActivityTypes.UserDeleted] = WebhookEventTypes.ScimUserDeleted,
        [ScimActivityTypes.GroupCreated] = WebhookEventTypes.ScimGroupCreated,
        [ScimActivityTypes.GroupUpdated] = WebhookEventTypes.ScimGroupUpdated,
        [ScimActivityTypes.GroupDeleted] = WebhookEventTypes.ScimGroupDeleted,
        [ScimActivityTypes.TokenCreated] = WebhookEventTypes.ScimTokenCreated,
        [ScimActivityTypes.TokenRevoked] = WebhookEventTypes.ScimTokenRevoked,
        [ActivityTypes.AdminRoleCreated] = WebhookEventTypes.AdminRoleCreated,
        [ActivityTypes.AdminRoleUpdated] = WebhookEventTypes.AdminRoleUpdated,
        [ActivityTypes.AdminGroupRolesUpdated] = WebhookEventTypes.AdminGroupRolesUpdated,
        [ActivityTypes.AdminRoleDeleted] = WebhookEventTypes.AdminRoleDeleted,
        [ActivityTypes.AdminSettingsUpdated] = WebhookEventTypes.AdminSettingsUpdated,
        [ActivityTypes.AdminImpersonationStarted] = WebhookEventTypes.AdminImpersonationStarted,
        [ActivityTypes.AdminImpersonationStopped] = WebhookEventTypes.AdminImpersonationStopped,
        [ActivityTypes.OAuthClientCreated] = WebhookEventTypes.OAuthClientCreated,
        [ActivityTypes.OAuthClientUpdated] = WebhookEventTypes.OAuthClientUpdated,
        [ActivityTypes.OAuthClientDeleted] = WebhookEventTypes.OAuthClientDeleted,
        [ActivityTypes.OAuthClientSecretRotated] = WebhookEventTypes.OAuthClientSecretRotated,
        [ActivityTypes.LicenseIssued] = WebhookEventTypes.LicenseCreated,
        [ActivityTypes.LicenseUpdated] = WebhookEventTypes.LicenseUpdated,
        [ActivityTypes.LicenseActivated] = WebhookEventTypes.LicenseActivated,
        [ActivityTypes.LicenseDeactivated] = WebhookEventTypes.LicenseDeactivated,
        [ActivityTypes.LicenseExpired] = WebhookEventTypes.LicenseExpired,
    };

    /// <summary>
    /// Every path that deletes an account, and who it stands for in <c>user.deleted</c>'s <c>details.by</c>. The
    /// owner's own deletion (API, console, Nube) records <c>user.deleted</c>; a refused proof records the same type with
    /// success false, which deleted nothing. SCIM's deletion raises <c>scim.user.deleted</c> as well.
    /// </summary>
    private static readonly Dictionary<string, string> Deletions = new(StringComparer.Ordinal)
    {
        [ActivityTypes.UserDeleted] = "self",
        [ActivityTypes.AdminUserDeleted] = "admin",
        [ScimActivityTypes.UserDeleted] = "scim",
    };

    /// <summary>
    /// Usually none or one; an administrator's change that locks and renames raises both user.locked and user.updated,
    /// and a SCIM deletion raises scim.user.deleted and user.deleted.
    /// </summary>
    public static IEnumerable<string> EventsFor(ActivityEntry entry)
    {
        if (entry.Success && Deletions.ContainsKey(entry.Type))
            return Direct.TryGetValue(entry.Type, out var also) ? [also, WebhookEventTypes.UserDeleted] : [WebhookEventTypes.UserDeleted];
        if (Direct.TryGetValue(entry.Type, out var type)) return [type];
        return entry.Type == ActivityTypes.AdminUserUpdated ? AdminUpdateEvents(entry.Details) : [];
    }

    /// <summary>Who deleted the account an activity row records the deletion of (self, admin or scim).</summary>
    public static string DeletedBy(ActivityEntry entry) => Deletions[entry.Type];

    // The admin row's details are {"actorId":…, "facts":{"changed":["locked","firstName",…]}} (AccountAdministration).
    private static List<string> AdminUpdateEvents(string? details)
    {
        var events = new List<string>();
        var other = false;
        if (details is not null)
        {
            using var document = JsonDocument.Parse(details);
            if (document.RootElement.TryGetProperty("facts", out var facts) && facts.ValueKind == JsonValueKind.Object
                && facts.TryGetProperty("changed", out var changed) && changed.ValueKind == JsonValueKind.Array)
            {
                foreach (var field in changed.EnumerateArray())
                {
                    switch (field.GetString())
                    {
                        case "locked": events.Add(WebhookEventTypes.UserLocked); break;
                        case "unlocked": events.Add(WebhookEventTypes.UserUnlocked); break;
                        default: other = true; break;
                    }
                }
            }
        }
        if (other || events.Count == 0) events.Add(WebhookEventTypes.UserUpdated);
        return events;
    }
}
