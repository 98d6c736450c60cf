namespace Latchkey.Api.RateLimiting;

/// <summary>
/// Bound from <c>Latchkey:RateLimits</c>. Each surface counts its own requests per client IP: a
/// bucket is surface + policy + IP, so signing in on the Platform API does not spend the Nhost or
/// Simple API's budget. <see cref="Policies"/> are the defaults (the Platform seed's table, 15-minute
/// sliding windows); <see cref="Surfaces"/> holds what a surface documents differently. Administrators
/// override <see cref="Policies"/> at run time (<see cref="RateLimitCatalog"/>).
/// </summary>
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
        [RateLimitPolicies.Admin] = new(100, TimeSpan.FromMinutes(15)),
        [RateLimitPolicies.OAuthAuthorize] = new(100, TimeSpan.FromMinutes(15)),
        [RateLimitPolicies.OAuthToken] = new(100, TimeSpan.FromMinutes(15)),
        // Guessing an 8-letter user code (2^34.6) at 20 tries per 15 minutes per IP is hopeless within its lifetime.
        [RateLimitPolicies.OAuthDeviceVerify] = new(20, TimeSpan.FromMinutes(15)),
        [RateLimitPolicies.Export] = new(5, TimeSpan.FromHours(1)),
        [RateLimitPolicies.PublicImage] = new(1000, TimeSpan.FromMinutes(15)),
    };

    /// <summary>Per-surface overrides of <see cref="Policies"/>, by surface name (<see cref="RateLimitSurfaces"/>).</summary>
    public Dictionary<string, Dictionary<string, RateLimitRule>> Surfaces { get; set; } = new(StringComparer.OrdinalIgnoreCase)
    {
        [RateLimitSurfaces.Nhost] = NhostDefaults(),
        [RateLimitSurfaces.Nube] = NubeDefaults(),
    };

    /// <summary>The rule for <paramref name="policy"/> on <paramref name="surface"/>: the surface's own, else the default.</summary>
    public RateLimitRule? RuleFor(string surface, string policy) =>
        Surfaces.TryGetValue(surface, out var own) && own.TryGetValue(policy, out var rule) ? rule
        : Policies.TryGetValue(policy, out var shared) ? shared
        : null;

    /// <summary>
    /// The Nhost seed documents no limits; these are the upstream Nhost Auth defaults as published at
    /// https://docs.nhost.io/platform/cloud/rate-limits (brute force and sign-ups 10 per 5 minutes, emails and
    /// SMS 10 per hour, everything else 100 per minute), per client IP.
    /// </summary>
    private static Dictionary<string, RateLimitRule> NhostDefaults() => new(StringComparer.OrdinalIgnoreCase)
    {
        [RateLimitPolicies.Login] = new(10, TimeSpan.FromMinutes(5)),
        [RateLimitPolicies.TwoFactor] = new(10, TimeSpan.FromMinutes(5)),
        [RateLimitPolicies.VerifyCode] = new(10, TimeSpan.FromMinutes(5)),
        [RateLimitPolicies.Register] = new(10, TimeSpan.FromMinutes(5)),
        [RateLimitPolicies.ForgotPassword] = new(10, TimeSpan.FromHours(1)),
        [RateLimitPolicies.SendMessage] = new(10, TimeSpan.FromHours(1)),
        [RateLimitPolicies.Default] = new(100, TimeSpan.FromMinutes(1)),
    };

    /// <summary>
    /// The Nube seed's table (per minute): auth endpoints 10, admin 1000, standard 100. A Nube endpoint
    /// group marks itself <c>.RateLimitSurface(RateLimitSurfaces.Nube)</c> and its endpoints name the policy.
    /// </summary>
    private static Dictionary<string, RateLimitRule> NubeDefaults()
    {
        var auth = new RateLimitRule(10, TimeSpan.FromMinutes(1));
        return new(StringComparer.OrdinalIgnoreCase)
        {
            [RateLimitPolicies.Login] = auth,
            [RateLimitPolicies.Register] = auth,
            [RateLimitPolicies.ForgotPassword] = auth,
            [RateLimitPolicies.TwoFactor] = auth,
            [RateLimitPolicies.SendMessage] = auth,
            [RateLimitPolicies.VerifyCode] = auth,
            [RateLimitPolicies.Default] = new(100, TimeSpan.FromMinutes(1)),
            [RateLimitPolicies.Admin] = new(1000, TimeSpan.FromMinutes(1)),
        };
    }
}

public sealed record RateLimitRule(int Limit, TimeSpan Window)
{
    public RateLimitRule() : this(100, TimeSpan.FromMinutes(15)) { }
}
