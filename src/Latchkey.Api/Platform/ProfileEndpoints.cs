using Latchkey.Api.Authentication;
using Latchkey.Api.Common;
using Latchkey.Api.Platform.Contracts;
using Latchkey.Core.Account;
using Latchkey.Core.Common;
using Latchkey.Core.Users;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace Latchkey.Api.Platform;

/// <summary><c>GET/PUT /api/user/profile</c> and <c>GET/PUT /api/user/preferences</c>.</summary>
public static class ProfileEndpoints
{
    public static void MapPlatformProfile(this RouteGroupBuilder user)
    {
        user.MapGet("/profile", GetProfile).RequireAuthorization(LatchkeyAuthentication.AnyCredential);
        user.MapPut("/profile", PutProfile).RequireAuthorization(LatchkeyAuthentication.AnyCredential);
        user.MapGet("/preferences", GetPreferences).RequireAuthorization(LatchkeyAuthentication.AnyCredential);
        user.MapPut("/preferences", PutPreferences).RequireAuthorization(LatchkeyAuthentication.AnyCredential);
    }

    private static async Task<IResult> GetProfile(ProfileService profiles, IOptions<UserDefaultsOptions> defaults, HttpContext http, CancellationToken ct) =>
        ProfileResult(await profiles.GetAsync(http.Caller().UserId, ct), defaults.Value);

    private static async Task<IResult> PutProfile(ProfileUpdateRequest body, ProfileService profiles, IOptions<UserDefaultsOptions> defaults,
        HttpContext http, CancellationToken ct) =>
        ProfileResult(await profiles.UpdateAsync(http.Caller().UserId, body.ToUpdate(), http.RequestContext(), ct), defaults.Value);

    private static async Task<IResult> GetPreferences(ProfileService profiles, IOptions<UserDefaultsOptions> defaults, HttpContext http, CancellationToken ct) =>
        PreferencesResult(await profiles.GetAsync(http.Caller().UserId, ct), defaults.Value);

    private static async Task<IResult> PutPreferences(PreferencesUpdateRequest body, ProfileService profiles, IOptions<UserDefaultsOptions> defaults,
        HttpContext http, CancellationToken ct) =>
        PreferencesResult(await profiles.UpdatePreferencesAsync(http.Caller().UserId, body.ToUpdate(), http.RequestContext(), ct), defaults.Value);

    private static IResult ProfileResult(Result<ProfileSnapshot> result, UserDefaultsOptions defaults) => result.IsSuccess
        ? Results.Ok(new ProfileResponse(true, ProfileView.From(result.Value, defaults)))
        : PlatformErrors.Instance.ToResult(result.Error);

    private static IResult PreferencesResult(Result<ProfileSnapshot> result, UserDefaultsOptions defaults) => result.IsSuccess
        ? Results.Ok(new PreferencesResponse(true, PreferencesView.From(result.Value, defaults)))
        : PlatformErrors.Instance.ToResult(result.Error);
}
