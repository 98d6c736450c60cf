using Latchkey.Core.Account;
using Microsoft.AspNetCore.Http;

namespace Latchkey.Pages.Account;

/// <summary>
/// The preferences form (<c>/account/preferences</c>), named as <c>PUT /api/user/preferences</c> names its fields: language,
/// time zone, date format, and one checkbox per security notice a person may turn off (<see cref="Preferences.NotificationNames"/>).
/// </summary>
internal static class PreferenceInputs
{
    /// <summary>What each notice is, in the person's words.</summary>
    public static readonly IReadOnlyDictionary<string, string> NoticeLabels = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [Preferences.ApiKeysRevoked] = "Email me when my API keys are revoked",
    };

    public static Dictionary<string, string?> From(PreferenceFields fields)
    {
        var values = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["language"] = fields.Language, ["timezone"] = fields.Timezone, ["date_format"] = fields.DateFormat,
        };
        foreach (var (name, on) in fields.Notifications) values[name] = on ? "on" : null;
        return values;
    }

    public static Dictionary<string, string?> From(IFormCollection form)
    {
        var values = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["language"] = form["language"].ToString(), ["timezone"] = form["timezone"].ToString(), ["date_format"] = form["date_format"].ToString(),
        };
        // An unticked box is not posted: every notice the form shows is either ticked or turned off.
        foreach (var name in Preferences.NotificationNames) values[name] = form[name] == "on" ? "on" : null;
        return values;
    }

    public static PreferencesUpdate ToUpdate(IReadOnlyDictionary<string, string?> v) => new(
        Language: v["language"], Timezone: v["timezone"], DateFormat: v["date_format"],
        Notifications: Preferences.NotificationNames.ToDictionary(name => name, name => v.GetValueOrDefault(name) == "on", StringComparer.Ordinal));
}
