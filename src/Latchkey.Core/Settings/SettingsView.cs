using Latchkey.Core.Common;
using Latchkey.Core.Credentials;
using Latchkey.Core.Messaging;
using Latchkey.Core.Sessions;
using Latchkey.Core.Tokens;
using Latchkey.Core.Verification;

namespace Latchkey.Core.Settings;

/// <summary>The settings in force (configuration plus overrides), with the names of those overridden in the database.</summary>
public sealed record SettingsView(
    bool SignUpEnabled, bool RequireEmailVerification, int PasswordMinLength, bool PasswordBreachCheck,
    int LockoutThreshold, int LockoutDurationSeconds, int SessionIdleTimeoutSeconds, int SessionLifetimeSeconds,
    int AccessTokenLifetimeSeconds, IReadOnlyList<string> AllowedRedirectUrls, string? EmailFrom,
    string ProductName, string? LogoUrl, string AccentColor, IReadOnlyDictionary<string, RateLimitSetting> RateLimits,
    IReadOnlyList<string> Overridden)
{
    public static SettingsView From(
        SignUpOptions signUp, PasswordPolicyOptions passwords, LockoutOptions lockout, SessionOptions sessions,
        TokenOptions tokens, EmailOptions email, LatchkeyOptions latchkey, BrandingOptions branding,
        IReadOnlyDictionary<string, RateLimitSetting> rateLimits, IReadOnlyList<string> overridden) =>
        new(signUp.Enabled, signUp.RequireEmailVerification, passwords.MinLength, passwords.BreachCheck.Mode != BreachCheckModes.Off && !passwords.BreachCheckSwitchedOff,
            lockout.MaxFailedAttempts, (int)lockout.Duration.TotalSeconds, (int)sessions.IdleTimeout.TotalSeconds,
            (int)sessions.AbsoluteLifetime.TotalSeconds, (int)tokens.AccessTokenLifetime.TotalSeconds, signUp.AllowedRedirectUrls,
            email.From, latchkey.ProductName, branding.LogoUrl, branding.SafeAccent, rateLimits, overridden);
}
