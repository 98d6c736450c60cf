using System.ComponentModel.DataAnnotations;

namespace Latchkey.Core.Mfa;

/// <summary>Bound from <c>Latchkey:TwoFactor</c>.</summary>
public sealed class TwoFactorOptions
{
    /// <summary>The issuer shown in authenticator apps; empty means <c>Latchkey:ProductName</c>.</summary>
    [MaxLength(64)]
    public string? Issuer { get; set; }

    /// <summary>How long the login challenge (password passed, second factor pending) lives.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "00:30:00")]
    public TimeSpan ChallengeLifetime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Wrong codes one login challenge tolerates before it is dead and the password is needed again.</summary>
    [Range(1, 20)]
    public int MaxAttempts { get; set; } = 5;
}
