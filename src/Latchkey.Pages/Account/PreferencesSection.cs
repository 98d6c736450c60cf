using Latchkey.Core.Account;
using Latchkey.Core.Common;
using Latchkey.Pages.Layout;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Latchkey.Pages.Account;

/// <summary>
/// The preferences form on <c>/account</c>, through <see cref="ProfileService.UpdatePreferencesAsync"/> as
/// <c>PUT /api/user/preferences</c>: the same validation, each refusal shown under its field with what was typed.
/// </summary>
internal static class PreferencesSection
{
    public static void MapPreferencesSection(this IEndpointRouteBuilder app) => app.MapPost(AccountPaths.Preferences, Save);

    private static async Task<IResult> Save(AccountConsole console, ProfileService profiles, AvatarService avatars, HttpContext http, CancellationToken ct)
    {
        var post = await console.PostAsync(http, AccountPaths.Root, ct);
        if (post.Refused is not null) return post.Refused;
        var visitor = post.Visitor!;
        var values = PreferenceInputs.From(post.Form!);
        var saved = await profiles.UpdatePreferencesAsync(visitor.UserId, PreferenceInputs.ToUpdate(values), RequestContext.From(http), ct);
        if (saved.IsSuccess) return AccountConsole.SeeOther(http, AccountPaths.Root, "preferences");
        var stored = await profiles.GetAsync(visitor.UserId, ct);
        if (!stored.IsSuccess) return PageErrors.Problem(http, StatusCodes.Status401Unauthorized, stored.Error.Message);
        return ProfileSection.Render(http, visitor, avatars, stored.Value, null, null, null, null, AccountConsole.StatusFor(saved.Error),
            preferences: values, preferencesError: saved.Error);
    }
}
