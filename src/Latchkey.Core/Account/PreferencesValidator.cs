using Latchkey.Core.Common;
using Latchkey.Core.Users;

namespace Latchkey.Core.Account;

/// <summary>Checks a <see cref="PreferencesUpdate"/>: a language the server has templates for, an IANA zone, a known format and notice.</summary>
public static class PreferencesValidator
{
    public static AuthError? Validate(PreferencesUpdate update, UserDefaultsOptions defaults)
    {
        if ((ProfileValidator.Locale("language", update.Language, defaults) ?? ProfileValidator.TimeZone("timezone", update.Timezone)) is { } bad) return bad;
        if (update.DateFormat is { Length: > 0 } format && !Preferences.DateFormats.Contains(format, StringComparer.Ordinal))
            return AuthError.Field("date_format", $"date_format must be one of: {string.Join(", ", Preferences.DateFormats)}");
        if (update.Notifications?.Keys.FirstOrDefault(name => !Preferences.NotificationNames.Contains(name, StringComparer.Ordinal)) is not null)
            return AuthError.Field("notifications", $"notifications may only name: {string.Join(", ", Preferences.NotificationNames)}");
        return null;
    }
}
