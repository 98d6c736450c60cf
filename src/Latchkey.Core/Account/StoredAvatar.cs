namespace Latchkey.Core.Account;

/// <summary>An uploaded avatar, re-encoded as PNG in each of <see cref="AvatarSizes.All"/>. One row per user.</summary>
public sealed class StoredAvatar
{
    public Guid UserId { get; set; }
    /// <summary>Strong validator of the current picture: a hash of the large image, so an identical upload keeps it.</summary>
    public required string ETag { get; set; }
    public required byte[] Large { get; set; }
    public required byte[] Medium { get; set; }
    public required byte[] Small { get; set; }
    public DateTime UpdatedAt { get; set; }

    public byte[] ForSize(int size) => size switch
    {
        AvatarSizes.Small => Small,
        AvatarSizes.Medium => Medium,
        _ => Large,
    };
}

/// <summary>One size of an avatar as the endpoint serves it.</summary>
public sealed record AvatarImage(string ETag, byte[] Png);
