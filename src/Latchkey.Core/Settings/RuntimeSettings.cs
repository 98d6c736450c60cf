namespace Latchkey.Core.Settings;

/// <summary>
/// The settings administrators change at run time, stored as one JSON document. A null field means
/// "as configured": configuration files give the defaults, these override them. Nothing here is a secret.
/// </summary>
public sealed record RuntimeSettings
{
    public bool? SignUpEnabled { get; init; }
    public bool? RequireEmailVerification { get; init; }
    public int? PasswordMinLength { get; init; }
    /// <summary>False turns the configured breach check off; true keeps it (it needs a configured source).</summary>
    public bool? PasswordBreachCheck { get; init; }
    public int? LockoutThreshold { get; init; }
    public int? LockoutDurationSeconds { get; init; }
    public int? SessionIdleTimeoutSeconds { get; init; }
    public int? SessionLifetimeSeconds { get; init; }
    public int? AccessTokenLifetimeSeconds { get; init; }
    public List<string>? AllowedRedirectUrls { get; init; }
    public string? EmailFrom { get; init; }
    public string? ProductName { get; init; }
    public string? LogoUrl { get; init; }
    public string? AccentColor { get; init; }
    /// <summary>Per policy (<c>login</c>, <c>register</c>, ...); replaced whole by a change, null returns every policy to its configured rule.</summary>
    public Dictionary<string, RateLimitSetting>? RateLimits { get; init; }

    public static readonly RuntimeSettings None = new();
}
