using Latchkey.Core.Common;
using Latchkey.Core.Users;

namespace Latchkey.Core.Settings;

/// <summary>Checks a settings change field by field; the first bad field is named in the error and nothing is saved.</summary>
public static class SettingsValidator
{
    public const int MaxRedirectUrls = 50;

    public static AuthError? Validate(RuntimeSettings s, bool breachSourceConfigured, IReadOnlyDictionary<string, RateLimitSetting> rateLimitPolicies)
    {
        if (ValidateRateLimits(s.RateLimits, rateLimitPolicies) is { } rateLimits) return rateLimits;
        if (s.PasswordMinLength is < 8 or > 64) return AuthError.Field("passwordMinLength", "passwordMinLength must be between 8 and 64");
        if (s.PasswordBreachCheck == true && !breachSourceConfigured)
            return AuthError.Field("passwordBreachCheck", "No breach source is configured (Latchkey:Passwords:Policy:BreachCheck:Mode)");
        if (s.LockoutThreshold is < 1 or > 100) return AuthError.Field("lockoutThreshold", "lockoutThreshold must be between 1 and 100");
        if (s.LockoutDurationSeconds is < 1 or > 86_400) return AuthError.Field("lockoutDurationSeconds", "lockoutDurationSeconds must be between 1 and 86400");
        if (s.SessionIdleTimeoutSeconds is < 300 or > 31_536_000)
            return AuthError.Field("sessionIdleTimeoutSeconds", "sessionIdleTimeoutSeconds must be between 300 and 31536000");
        if (s.SessionLifetimeSeconds is < 300 or > 31_536_000)
            return AuthError.Field("sessionLifetimeSeconds", "sessionLifetimeSeconds must be between 300 and 31536000");
        if (s.AccessTokenLifetimeSeconds is < 60 or > 86_400)
            return AuthError.Field("accessTokenLifetimeSeconds", "accessTokenLifetimeSeconds must be between 60 and 86400");
        if (s.AllowedRedirectUrls is { } urls && (urls.Count > MaxRedirectUrls || urls.Any(u => !IsAbsoluteWebUrl(u, httpsOnly: false))))
            return AuthError.Field("allowedRedirectUrls", $"allowedRedirectUrls must be at most {MaxRedirectUrls} absolute http(s) URLs");
        if (s.EmailFrom is { } from && !UserNormalizer.IsValidEmail(from)) return AuthError.Field("emailFrom", "emailFrom must be an email address");
        if (s.ProductName is { } name && (name.Trim().Length == 0 || name.Length > 64 || name.Any(char.IsControl)))
            return AuthError.Field("productName", "productName must be 1-64 printable characters");
        if (s.LogoUrl is { } logo && (logo.Length > 2048 || !IsAbsoluteWebUrl(logo, httpsOnly: true)))
            return AuthError.Field("logoUrl", "logoUrl must be an https URL");
        if (s.AccentColor is { } accent && !BrandingOptions.IsColour(accent))
            return AuthError.Field("accentColor", "accentColor must be a #rgb or #rrggbb colour");
        return null;
    }

    private static AuthError? ValidateRateLimits(Dictionary<string, RateLimitSetting>? rules, IReadOnlyDictionary<string, RateLimitSetting> policies)
    {
        foreach (var (policy, rule) in rules ?? [])
        {
            if (!policies.ContainsKey(policy))
                return AuthError.Field("rateLimits", $"rateLimits: '{policy}' is not a rate-limit policy ({string.Join(", ", policies.Keys.Order(StringComparer.Ordinal))})");
            if (rule is null || rule.Limit is < 1 or > RateLimitSetting.MaxLimit || rule.WindowSeconds is < 1 or > RateLimitSetting.MaxWindowSeconds)
                return AuthError.Field("rateLimits", $"rateLimits.{policy} needs a limit of 1-{RateLimitSetting.MaxLimit} and windowSeconds of 1-{RateLimitSetting.MaxWindowSeconds}");
        }
        return null;
    }

    private static bool IsAbsoluteWebUrl(string? url, bool httpsOnly) =>
        url is { Length: <= 2048 } && Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || (!httpsOnly && uri.Scheme == Uri.UriSchemeHttp)) && uri.Fragment.Length == 0;
}
