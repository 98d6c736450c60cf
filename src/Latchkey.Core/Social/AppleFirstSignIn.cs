using System.Text.Json;

namespace Latchkey.Core.Social;

/// <summary>
/// Apple sends the user's name once, on the first authorization, as a <c>user</c> form field beside
/// the code (it is never in the ID token). Only the name is taken from it: it is unsigned, so the
/// email always comes from the verified ID token.
/// </summary>
public static class AppleFirstSignIn
{
    public static UpstreamProfile WithName(UpstreamProfile profile, string? userField)
    {
        if (string.IsNullOrEmpty(userField) || userField.Length > 4096) return profile;
        try
        {
            using var doc = JsonDocument.Parse(userField);
            var first = doc.RootElement.Str("name", "firstName");
            var last = doc.RootElement.Str("name", "lastName");
            return profile with { FirstName = profile.FirstName ?? first, LastName = profile.LastName ?? last };
        }
        catch (JsonException)
        {
            return profile;
        }
    }
}
