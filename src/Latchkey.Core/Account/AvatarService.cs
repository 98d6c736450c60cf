using System.Security.Cryptography;
using Latchkey.Core.Audit;
using Latchkey.Core.Common;
using Latchkey.Core.Users;
using Microsoft.Extensions.Options;

namespace Latchkey.Core.Account;

/// <summary>What <c>GET /api/avatar/{id}</c> answers: the image, or "not modified" when the caller's ETag is current.</summary>
public sealed record AvatarResponse(string ETag, byte[]? Png)
{
    public bool NotModified => Png is null;
}

/// <summary>
/// Uploads and serves avatars. The account's <c>AvatarUrl</c> (which the Platform user, OIDC <c>picture</c> and
/// the Nhost user all show) becomes this server's avatar link on upload, with the ETag's prefix as a version so
/// a new picture is a new URL for every cache.
/// </summary>
public sealed class AvatarService(
    IUserStore users,
    IAvatarStore avatars,
    ActivityLog activity,
    IUnitOfWork unitOfWork,
    IOptions<AvatarOptions> options,
    IOptions<LatchkeyOptions> latchkey,
    TimeProvider clock)
{
    public AvatarOptions Options => options.Value;

    public async Task<Result<string>> UploadAsync(Guid userId, byte[] file, RequestContext context, CancellationToken ct)
    {
        if (file.Length > options.Value.MaxBytes)
            return new AuthError(AuthErrorCodes.PayloadTooLarge, $"The avatar may be at most {options.Value.MaxBytes} bytes");
        var processed = AvatarProcessor.Process(file, options.Value);
        if (!processed.IsSuccess) return processed.Error;
        var user = await users.FindByIdAsync(userId, ct);
        if (user is null) return new AuthError(AuthErrorCodes.Unauthenticated, "Authentication required");

        var sizes = processed.Value;
        var etag = Convert.ToHexStringLower(SHA256.HashData(sizes[0]).AsSpan(0, 16));
        var now = clock.GetUtcNow().UtcDateTime;
        var row = await avatars.FindAsync(userId, ct);
        if (row is null)
        {
            row = new StoredAvatar { UserId = userId, ETag = etag, Large = sizes[0], Medium = sizes[1], Small = sizes[2] };
            avatars.Add(row);
        }
        (row.ETag, row.Large, row.Medium, row.Small, row.UpdatedAt) = (etag, sizes[0], sizes[1], sizes[2], now);
        user.AvatarUrl = Link(userId, etag);
        user.UpdatedAt = now;
        activity.Record(ActivityTypes.AvatarUpdated, userId, context);
        await unitOfWork.SaveChangesAsync(ct);
        return user.AvatarUrl;
    }

    /// <summary>Removes the uploaded picture; the link then serves the initials fallback.</summary>
    public async Task<bool> RemoveAsync(Guid userId, RequestContext context, CancellationToken ct)
    {
        var row = await avatars.FindAsync(userId, ct);
        var user = await users.FindByIdAsync(userId, ct);
        if (row is null || user is null) return false;
        avatars.Remove(row);
        if (user.AvatarUrl?.StartsWith(BaseLink(userId), StringComparison.Ordinal) == true) user.AvatarUrl = null;
        user.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        activity.Record(ActivityTypes.AvatarUpdated, userId, context, details: new { removed = true });
        await unitOfWork.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>The stored picture or the fallback; null when there is no such account.</summary>
    public async Task<AvatarResponse?> GetAsync(Guid userId, int size, string? ifNoneMatch, CancellationToken ct)
    {
        // A revalidation reads the stored ETag alone; the image is read only when it changed.
        var stored = ifNoneMatch is null ? await avatars.FindImageAsync(userId, size, ct)
            : await avatars.FindETagAsync(userId, ct) is { } current
                ? current == ifNoneMatch ? new AvatarImage(current, []) : await avatars.FindImageAsync(userId, size, ct)
                : null;
        if (stored is not null) return new AvatarResponse(stored.ETag, stored.Png.Length == 0 ? null : stored.Png);

        var user = await users.FindByIdAsync(userId, ct);
        if (user is null) return null;
        var initials = AvatarFallback.Initials(user);
        var etag = AvatarFallback.ETag(userId, initials, size);
        return etag == ifNoneMatch ? new AvatarResponse(etag, null) : new AvatarResponse(etag, AvatarFallback.Render(userId, initials, size));
    }

    private string BaseLink(Guid userId) => $"{latchkey.Value.PublicUrl?.TrimEnd('/')}/api/avatar/{userId}";

    private string Link(Guid userId, string etag) => $"{BaseLink(userId)}?v={etag[..8]}";
}
