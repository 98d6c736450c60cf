namespace Latchkey.Core.OAuth;

/// <summary>
/// A device authorization (RFC 8628). The device code has 256 bits and is stored as SHA-256; the user
/// code is short for typing, so it is stored hashed too and guessing is bounded by its lifetime and
/// the verification endpoint's rate limit.
/// </summary>
public sealed class DeviceAuthorization
{
    public Guid Id { get; set; }
    public required byte[] DeviceCodeHash { get; set; }
    public required byte[] UserCodeHash { get; set; }
    public Guid ClientRowId { get; set; }
    public required string Scope { get; set; }
    public required string Status { get; set; }
    public Guid? UserId { get; set; }
    public Guid? BrowserSessionId { get; set; }
    public DateTime? AuthTime { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime ExpiresAt { get; set; }
    public DateTime? LastPolledAt { get; set; }
    /// <summary>Seconds the device must wait between polls; raised by 5 on each <c>slow_down</c>.</summary>
    public int Interval { get; set; }
}

public static class DeviceStatuses
{
    public const string Pending = "pending";
    public const string Approved = "approved";
    public const string Denied = "denied";
    public const string Consumed = "consumed";
}
