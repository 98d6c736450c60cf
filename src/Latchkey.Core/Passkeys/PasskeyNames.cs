using Latchkey.Core.Common;

namespace Latchkey.Core.Passkeys;

/// <summary>The one rule for a passkey's display name, whether given when it is added or when it is renamed.</summary>
public static class PasskeyNames
{
    /// <summary>The trimmed name (an empty one becomes <paramref name="fallback"/>), or the field error naming <c>name</c>.</summary>
    public static Result<string> Check(string? name, string? fallback = "Passkey")
    {
        var trimmed = string.IsNullOrWhiteSpace(name) ? fallback : name.Trim();
        if (string.IsNullOrEmpty(trimmed)) return AuthError.Field("name", "Name is required");
        if (trimmed.Length > PasskeyOptions.MaxNameLength || trimmed.Any(char.IsControl))
            return AuthError.Field("name", $"Name must be at most {PasskeyOptions.MaxNameLength} characters without control characters");
        return trimmed;
    }
}
