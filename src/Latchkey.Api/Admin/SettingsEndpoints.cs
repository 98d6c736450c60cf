using System.Text.Json;
using Latchkey.Api.Admin.Contracts;
using Latchkey.Api.Authentication;
using Latchkey.Core.Admin;
using Latchkey.Core.Settings;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Latchkey.Api.Admin;

/// <summary><c>/api/admin/settings</c>: the settings in force, and changing them without a restart.</summary>
public static class SettingsEndpoints
{
    public static void MapAdminSettings(this RouteGroupBuilder admin)
    {
        admin.MapGet("/settings", (SettingsService settings) => Results.Ok(new SettingsResponse(true, settings.Get())))
            .RequirePermission(Permissions.SettingsRead);
        admin.MapPut("/settings", Update).RequirePermission(Permissions.SettingsWrite);
    }

    private static async Task<IResult> Update(JsonElement body, SettingsService settings, HttpContext http, CancellationToken ct) =>
        AdminHttp.OkOr(await settings.UpdateAsync(body, http.Actor(), ct), view => new SettingsResponse(true, view));
}
