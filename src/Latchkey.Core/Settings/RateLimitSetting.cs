namespace Latchkey.Core.Settings;

/// <summary>One rate-limit policy as an administrator sets it at run time: requests per client IP per window.</summary>
public sealed record RateLimitSetting(int Limit, int WindowSeconds)
{
    public const int MaxLimit = 1_000_000;
    public const int MaxWindowSeconds = 86_400;
}

/// <summary>
/// The rate-limit policies the API enforces, as configured (before runtime overrides): what the settings may
/// override and what they fall back to. Implemented by the API, which owns the policies.
/// </summary>
public interface IRateLimitCatalog
{
    IReadOnlyDictionary<string, RateLimitSetting> Configured { get; }
}
