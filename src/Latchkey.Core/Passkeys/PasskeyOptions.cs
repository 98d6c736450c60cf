using System.ComponentModel.DataAnnotations;

namespace Latchkey.Core.Passkeys;

/// <summary>Bound from <c>Latchkey:Passkeys</c>.</summary>
public sealed class PasskeyOptions
{
    /// <summary>The WebAuthn RP ID (a registrable domain, e.g. "example.com"); empty means the host of <c>Latchkey:PublicUrl</c>.</summary>
    [MaxLength(253)]
    public string? RelyingPartyId { get; set; }

    /// <summary>The name authenticators show; empty means <c>Latchkey:ProductName</c>.</summary>
    [MaxLength(64)]
    public string? RelyingPartyName { get; set; }

    /// <summary>Origins allowed to run ceremonies (exact match, e.g. "https://app.example.com"); empty means the origin of <c>Latchkey:PublicUrl</c>.</summary>
    public List<string> Origins { get; set; } = [];

    /// <summary>How long an options/verify ceremony stays open.</summary>
    [Range(typeof(TimeSpan), "00:00:30", "00:30:00")]
    public TimeSpan CeremonyLifetime { get; set; } = TimeSpan.FromMinutes(5);

    public const int MaxNameLength = 100;
    public const int MaxPasskeysPerUser = 20;
}
