namespace Latchkey.Api.RateLimiting;

/// <summary>Kinds of endpoint that share a limit within a surface.</summary>
public static class RateLimitPolicies
{
    public const string Login = "login";
    public const string Register = "register";
    public const string ForgotPassword = "forgot-password";
    public const string TwoFactor = "two-factor";
    public const string SendMessage = "send-message";
    public const string VerifyCode = "verify-code";
    public const string Default = "default";
    public const string Admin = "admin";
    public const string OAuthAuthorize = "oauth-authorize";
    public const string OAuthToken = "oauth-token";
    public const string OAuthDeviceVerify = "oauth-device-verify";
    /// <summary>The account export: a heavy read of everything about a person.</summary>
    public const string Export = "export";
    /// <summary>Public pictures (avatars), which a page may show by the dozen.</summary>
    public const string PublicImage = "public-image";
    /// <summary>Endpoints that must never be limited (health, JWKS behind caches).</summary>
    public const string None = "none";
}

/// <summary>Names of the surfaces, each with its own buckets.</summary>
public static class RateLimitSurfaces
{
    public const string Platform = "platform";
    public const string OAuth = "oauth";
    public const string Nhost = "nhost";
    public const string Simple = "simple";
    public const string Nube = "nube";
    /// <summary>SCIM 2.0 provisioning (the seed's 100 requests per 15 minutes, per client IP).</summary>
    public const string Scim = "scim";
    /// <summary>The hosted pages (sign-in form, consent, device).</summary>
    public const string Pages = "pages";
    /// <summary>Endpoints outside any surface group.</summary>
    public const string Other = "other";
}
