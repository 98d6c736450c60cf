using System.ComponentModel.DataAnnotations;

namespace Latchkey.Core.Account;

/// <summary>Bound from <c>Latchkey:Avatars</c>: what an uploaded picture may be, checked before it is decoded.</summary>
public sealed class AvatarOptions
{
    /// <summary>The largest file accepted (bytes); a bigger upload is refused before it is read to the end.</summary>
    [Range(1024, 50 * 1024 * 1024)]
    public int MaxBytes { get; set; } = 5 * 1024 * 1024;

    /// <summary>
    /// The most pixels a picture may declare in its header. Decoding needs four bytes a pixel, so this bounds
    /// memory (64 MiB at the default) whatever the file size: a small file declaring a huge image is refused.
    /// </summary>
    [Range(1, 100_000_000)]
    public int MaxPixels { get; set; } = 16 * 1024 * 1024;

    /// <summary>The longest side a picture may declare.</summary>
    [Range(1, 20_000)]
    public int MaxSide { get; set; } = 8192;

    /// <summary>How long browsers and proxies may reuse an avatar before revalidating it with its ETag.</summary>
    public TimeSpan CacheDuration { get; set; } = TimeSpan.FromHours(1);
}
