using Latchkey.Core.Account;
using Latchkey.Core.Common;
using Latchkey.Pages.Layout;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Latchkey.Pages.Account;

/// <summary>
/// <c>/account</c>: the profile (through <see cref="ProfileService"/>, the API's own core) and the picture (through
/// <see cref="AvatarService"/>: the same checks, re-encoding and limits as <c>POST /api/user/avatar</c>).
/// </summary>
internal static class ProfileSection
{
    /// <summary>Room for the multipart framing and the antiforgery field around the file.</summary>
    private const int MultipartOverhead = 16 * 1024;

    public static void MapProfileSection(this IEndpointRouteBuilder app)
    {
        var limits = app.ServiceProvider.GetRequiredService<IOptions<AvatarOptions>>().Value;
        app.MapGet(AccountPaths.Root, Show);
        app.MapPost(AccountPaths.Root, Save);
        app.MapPost(AccountPaths.Avatar, Upload).WithMetadata(new RequestSizeLimitAttribute(limits.MaxBytes + MultipartOverhead));
        app.MapPost(AccountPaths.AvatarRemove, Remove);
    }

    private static async Task<IResult> Show(string? done, AccountConsole console, ProfileService profiles, AvatarService avatars, HttpContext http, CancellationToken ct)
    {
        var (visitor, away) = await console.VisitAsync(http, AccountPaths.Root, ct);
        if (visitor is null) return away!;
        var snapshot = await profiles.GetAsync(visitor.UserId, ct);
        if (!snapshot.IsSuccess) return PageErrors.Problem(http, StatusCodes.Status401Unauthorized, snapshot.Error.Message);
        return Render(http, visitor, avatars, ProfileInputs.From(snapshot.Value), null, null, AccountNotices.For(done));
    }

    private static async Task<IResult> Save(AccountConsole console, ProfileService profiles, AvatarService avatars, HttpContext http, CancellationToken ct)
    {
        var post = await console.PostAsync(http, AccountPaths.Root, ct);
        if (post.Refused is not null) return post.Refused;
        var values = ProfileInputs.From(post.Form!);
        var saved = await profiles.UpdateAsync(post.Visitor!.UserId, ProfileInputs.ToUpdate(values), RequestContext.From(http), ct);
        return saved.IsSuccess
            ? AccountConsole.SeeOther(http, AccountPaths.Root, "profile")
            : Render(http, post.Visitor, avatars, values, saved.Error, null, null, AccountConsole.StatusFor(saved.Error));
    }

    private static async Task<IResult> Upload(AccountConsole console, ProfileService profiles, AvatarService avatars, HttpContext http, CancellationToken ct)
    {
        var post = await console.PostAsync(http, AccountPaths.Root, ct);
        if (post.Refused is not null) return post.Refused;
        var visitor = post.Visitor!;
        var file = post.Form!.Files.GetFile("avatar");
        AuthError? error = null;
        if (file is null || file.Length == 0) error = AuthError.Field("avatar", "Choose a picture to upload.");
        else if (file.Length > avatars.Options.MaxBytes)
            error = new AuthError(AuthErrorCodes.PayloadTooLarge, $"The picture may be at most {avatars.Options.MaxBytes / (1024 * 1024)} MB.");
        else
        {
            var bytes = new byte[file.Length];
            await using (var stream = file.OpenReadStream()) await stream.ReadExactlyAsync(bytes, ct);
            var uploaded = await avatars.UploadAsync(visitor.UserId, bytes, RequestContext.From(http), ct);
            if (uploaded.IsSuccess) return AccountConsole.SeeOther(http, AccountPaths.Root, "avatar");
            error = uploaded.Error;
        }
        return await RenderStoredAsync(http, visitor, profiles, avatars, error.Message, AccountConsole.StatusFor(error), ct);
    }

    private static async Task<IResult> Remove(AccountConsole console, ProfileService profiles, AvatarService avatars, HttpContext http, CancellationToken ct)
    {
        var post = await console.PostAsync(http, AccountPaths.Root, ct);
        if (post.Refused is not null) return post.Refused;
        return await avatars.RemoveAsync(post.Visitor!.UserId, RequestContext.From(http), ct)
            ? AccountConsole.SeeOther(http, AccountPaths.Root, "avatar-removed")
            : await RenderStoredAsync(http, post.Visitor, profiles, avatars, "There is no uploaded picture to remove.", StatusCodes.Status404NotFound, ct);
    }

    private static async Task<IResult> RenderStoredAsync(HttpContext http, AccountVisitor visitor, ProfileService profiles, AvatarService avatars,
        string avatarError, int status, CancellationToken ct)
    {
        var snapshot = await profiles.GetAsync(visitor.UserId, ct);
        if (!snapshot.IsSuccess) return PageErrors.Problem(http, StatusCodes.Status401Unauthorized, snapshot.Error.Message);
        return Render(http, visitor, avatars, ProfileInputs.From(snapshot.Value), null, avatarError, null, status);
    }

    private static IResult Render(HttpContext http, AccountVisitor visitor, AvatarService avatars, IReadOnlyDictionary<string, string?> values,
        AuthError? error, string? avatarError, string? notice, int status = StatusCodes.Status200OK) =>
        PageResults.Page<ProfileView>(http, new Dictionary<string, object?>
        {
            [nameof(ProfileView.Values)] = values,
            [nameof(ProfileView.Email)] = visitor.User.Email,
            // The server's own avatar path, which draws the initials when there is no upload.
            [nameof(ProfileView.AvatarUrl)] = $"/api/avatar/{visitor.UserId}?size={AvatarSizes.Medium}&v={visitor.User.UpdatedAt.Ticks:x}",
            [nameof(ProfileView.HasUpload)] = visitor.User.AvatarUrl is not null,
            [nameof(ProfileView.MaxMegabytes)] = avatars.Options.MaxBytes / (1024 * 1024),
            [nameof(ProfileView.Error)] = error,
            [nameof(ProfileView.AvatarError)] = avatarError,
            [nameof(ProfileView.Notice)] = notice,
        }, status);
}
