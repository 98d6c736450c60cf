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
/// <c>/account</c>: the profile with its address and social links (through <see cref="ProfileService"/>, the API's own
/// core and validation), the preferences (<see cref="PreferencesSection"/>) and the picture (through
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
        app.MapPreferencesSection();
    }

    private static async Task<IResult> Show(string? done, AccountConsole console, ProfileService profiles, AvatarService avatars, HttpContext http, CancellationToken ct)
    {
        var (visitor, away) = await console.VisitAsync(http, AccountPaths.Root, ct);
        if (visitor is null) return away!;
        var snapshot = await profiles.GetAsync(visitor.UserId, ct);
        if (!snapshot.IsSuccess) return PageErrors.Problem(http, StatusCodes.Status401Unauthorized, snapshot.Error.Message);
        return Render(http, visitor, avatars, snapshot.Value, ProfileInputs.From(snapshot.Value), null, null, AccountNotices.For(done));
    }

    private static async Task<IResult> Save(AccountConsole console, ProfileService profiles, AvatarService avatars, HttpContext http, CancellationToken ct)
    {
        var post = await console.PostAsync(http, AccountPaths.Root, ct);
        if (post.Refused is not null) return post.Refused;
        var values = ProfileInputs.From(post.Form!);
        var (update, duplicate) = ProfileInputs.ToUpdate(values);
        Result<ProfileSnapshot> saved = update is null
            ? AuthError.Field("social_links", $"The network {duplicate} is listed twice; list each once")
            : await profiles.UpdateAsync(post.Visitor!.UserId, update, RequestContext.From(http), ct);
        if (saved.IsSuccess) return AccountConsole.SeeOther(http, AccountPaths.Root, "profile");
        var stored = await profiles.GetAsync(post.Visitor!.UserId, ct);
        if (!stored.IsSuccess) return PageErrors.Problem(http, StatusCodes.Status401Unauthorized, stored.Error.Message);
        return Render(http, post.Visitor, avatars, stored.Value, values, saved.Error, null, null, AccountConsole.StatusFor(saved.Error));
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
        return Render(http, visitor, avatars, snapshot.Value, ProfileInputs.From(snapshot.Value), null, avatarError, null, status);
    }

    /// <summary>
    /// The page with its three forms: <paramref name="values"/> and <paramref name="error"/> fill the profile form (as typed
    /// after a refusal), <paramref name="preferences"/> and <paramref name="preferencesError"/> the preferences form; a form
    /// not posted shows what is stored in <paramref name="stored"/>.
    /// </summary>
    internal static IResult Render(HttpContext http, AccountVisitor visitor, AvatarService avatars, ProfileSnapshot stored,
        IReadOnlyDictionary<string, string?>? values, AuthError? error, string? avatarError, string? notice, int status = StatusCodes.Status200OK,
        IReadOnlyDictionary<string, string?>? preferences = null, AuthError? preferencesError = null) =>
        PageResults.Page<ProfileView>(http, new Dictionary<string, object?>
        {
            [nameof(ProfileView.Values)] = values ?? ProfileInputs.From(stored),
            [nameof(ProfileView.Preferences)] = preferences ?? PreferenceInputs.From(PreferenceFields.From(stored.User, stored.Profile)),
            [nameof(ProfileView.PreferencesError)] = preferencesError,
            [nameof(ProfileView.Locales)] = http.RequestServices.GetRequiredService<IOptions<Latchkey.Core.Users.UserDefaultsOptions>>().Value.AllowedLocales,
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
