namespace Latchkey.Api.RateLimiting;

/// <summary>Bound from <c>Latchkey:RateLimits</c>. Defaults are the seed's: per client IP, 15-minute sliding windows.</summary>
public sealed class RateLimitOptions
{
    public bool Enabled { get; set; } = true;

    public Dictionary<string, RateLimitRule> Policies { get; set; } = new(StringComparer.OrdinalIgnoreCase)
    {
        [RateLimitPolicies.Login] = new(10, TimeSpan.FromMinutes(15)),
        [RateLimitPolicies.Register] = new(5, TimeSpan.FromMinutes(15)),
        [RateLimitPolicies.ForgotPassword] = new(5, TimeSpan.FromMinutes(15)),
        [RateLimitPolicies.TwoFactor] = new(10, TimeSpan.FromMinutes(15)),
        // Latchkey's own: endpoints that send an email or SMS get forgot-password's budget, code checks the 2FA one.
        [RateLimitPolicies.SendMessage] = new(5, TimeSpan.FromMinutes(15)),
        [RateLimitPolicies.VerifyCode] = new(10, TimeSpan.FromMinutes(15)),
        [RateLimitPolicies.Default] = new(100, TimeSpan.FromMinutes(15)),
        [RateLimitPolicies.OAuthAuthorize] = new(100, TimeSpan.FromMinutes(15)),
        [RateLimitPolicies.OAuthToken] = new(100, TimeSpan.FromMinutes(15)),
        // Guessing an 8-letter user code (2^34.6) at 20 tries per 15 minutes per IP is hopeless within its lifetime.
        [RateLimitPolicies.OAuthDeviceVerify] = new(20, TimeSpan.FromMinutes(15)),
        // The seed's "Administration 100 req/15min", counted apart from the user's own endpoints.
        [RateLimitPolicies.Admin] = new(100, TimeSpan.FromMinutes(15)),
    };
}

public sealed record RateLimitRule(int Limit, TimeSpan Window)
{
    public RateLimitRule() : this(100, TimeSpan.FromMinutes(15)) { }
}

public static class RateLimitPolicies
{
    public const string Login = "login";
    public const string Register = "register";
    public const string ForgotPassword = "forgot-password";
    public const string TwoFactor = "two-factor";
    public const string SendMessage = "send-message";
    public const string VerifyCode = "verify-code";
    public const string Default = "default";
    public const string OAuthAuthorize = "oauth-authorize";
    public const string OAuthToken = "oauth-token";
    public const string OAuthDeviceVerify = "oauth-device-verify";
    /// <summary>Every <c>/api/admin/*</c> endpoint.</summary>
    public const string Admin = "admin";
    /// <summary>Endpoints that must never be limited (health, JWKS behind caches).</summary>
    public const string None = "none";
}
