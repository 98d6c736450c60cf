using Latchkey.Api.Authentication;
using Latchkey.Api.Common;
using Latchkey.Api.Platform.Contracts;
using Latchkey.Api.RateLimiting;
using Latchkey.Core.Account;
using Latchkey.Core.Common;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Latchkey.Api.Platform;

/// <summary>
/// <c>POST /api/user/avatar</c> (multipart, field <c>avatar</c>), Latchkey's <c>DELETE /api/user/avatar</c>, and the
/// public <c>GET /api/avatar/{id}</c> with ETag revalidation, which serves the initials fallback when there is no upload.
/// </summary>
public static class AvatarEndpoints
{
    /// <summary>Room for the multipart framing around the file itself.</summary>
    private const int MultipartOverhead = 16 * 1024;

    public static void MapPlatformAvatar(this RouteGroupBuilder api)
    {
        var limits = ((IEndpointRouteBuilder)api).ServiceProvider.GetRequiredService<IOptions<AvatarOptions>>().Value;
        api.MapPost("/user/avatar", Upload).WithTags("Platform: user").RequireAuthorization(LatchkeyAuthentication.AnyCredential)
            .WithMetadata(new BodySizeLimit(limits.MaxBytes + MultipartOverhead));
        api.MapDelete("/user/avatar", Remove).WithTags("Platform: user").RequireAuthorization(LatchkeyAuthentication.AnyCredential);
        api.MapGet("/avatar/{id:guid}", Get).WithTags("Platform: other").RateLimited(RateLimitPolicies.PublicImage);
    }

    private static async Task<IResult> Upload(AvatarService avatars, HttpContext http, CancellationToken ct)
    {
        if (!http.Request.HasFormContentType)
            return PlatformErrors.Instance.ToResult(AuthError.Field("avatar", "Send the image as multipart/form-data in a field named avatar"));
        var form = await http.Request.ReadFormAsync(ct);
        var file = form.Files.GetFile("avatar") ?? form.Files.FirstOrDefault();
        if (file is null || file.Length == 0) return PlatformErrors.Instance.ToResult(AuthError.Field("avatar", "An image file is required in the field avatar"));
        if (file.Length > avatars.Options.MaxBytes)
            return PlatformErrors.Instance.ToResult(new AuthError(AuthErrorCodes.PayloadTooLarge, $"The avatar may be at most {avatars.Options.MaxBytes} bytes"));

        var bytes = new byte[file.Length];
        await using (var stream = file.OpenReadStream()) await stream.ReadExactlyAsync(bytes, ct);
        var result = await avatars.UploadAsync(http.Caller().UserId, bytes, http.RequestContext(), ct);
        return result.IsSuccess ? Results.Ok(new AvatarUploadedResponse(true, result.Value)) : PlatformErrors.Instance.ToResult(result.Error);
    }

    private static async Task<IResult> Remove(AvatarService avatars, HttpContext http, CancellationToken ct) =>
        await avatars.RemoveAsync(http.Caller().UserId, http.RequestContext(), ct)
            ? Results.Ok(new MessageResponse(true, "Avatar removed"))
            : PlatformErrors.Instance.ToResult(new AuthError(AuthErrorCodes.NotFound, "No avatar was uploaded"));

    private static async Task<IResult> Get(Guid id, int? size, AvatarService avatars, HttpContext http, CancellationToken ct)
    {
        var side = size ?? AvatarSizes.Large;
        if (!AvatarSizes.All.Contains(side))
            return PlatformErrors.Instance.ToResult(AuthError.Field("size", $"size must be one of {string.Join(", ", AvatarSizes.All)}"));
        var avatar = await avatars.GetAsync(id, side, IfNoneMatch(http.Request), ct);
        if (avatar is null) return PlatformErrors.Instance.ToResult(new AuthError(AuthErrorCodes.NotFound, "No such user"));

        var headers = http.Response.Headers;
        headers.ETag = $"\"{avatar.ETag}\"";
        // Public: the picture is meant to be shown anywhere; revalidation with the ETag is a cheap 304.
        headers.CacheControl = $"public, max-age={(int)avatars.Options.CacheDuration.TotalSeconds}";
        headers.ContentSecurityPolicy = "default-src 'none'";
        return avatar.NotModified ? Results.StatusCode(StatusCodes.Status304NotModified) : Results.File(avatar.Png!, AvatarSizes.ContentType);
    }

    /// <summary>The first strong tag of If-None-Match, unquoted; a weak or malformed one matches nothing.</summary>
    private static string? IfNoneMatch(HttpRequest request) =>
        EntityTagHeaderValue.TryParseList(request.Headers.IfNoneMatch, out var tags) && tags.FirstOrDefault(t => !t.IsWeak) is { } tag
            ? tag.Tag.Value?.Trim('"')
            : null;
}
