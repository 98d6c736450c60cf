using Latchkey.Core.OAuth;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Latchkey.Pages.Layout;

namespace Latchkey.Pages.OAuth;

/// <summary>
/// <c>/device</c> (RFC 8628 §3.3): enter the code shown on the device, see which application asks for
/// what, then allow or deny through <c>POST /api/oauth/device/verify</c>.
/// </summary>
internal static class DevicePage
{
    public static void MapDevicePage(this IEndpointRouteBuilder app) => app.MapGet(HostedPages.Device, Show);

    private static async Task<IResult> Show(
        string? user_code, string? result, string? error, DeviceFlowService devices, BrowserSessionReader browsers,
        HttpContext http, CancellationToken ct)
    {
        if (await browsers.ReadAsync(http, ct) is null)
            return Results.Redirect($"{HostedPages.Login}?return_url={Uri.EscapeDataString(http.Request.Path + http.Request.QueryString)}");
        if (result is "approved" or "denied")
            return result == "approved"
                ? MessagePage.Render(http, "Done", "Device connected", "You can go back to your device.", [])
                : MessagePage.Render(http, "Done", "Request denied", "The device was not given access.", []);

        var pending = user_code is null ? null : await devices.FindPendingAsync(user_code, ct);
        if (pending is null)
        {
            var message = error switch
            {
                "expired_form" => "The form expired. Please enter the code again.",
                _ when user_code is not null || error is not null => "That code is not valid or has expired. Check the code on your device.",
                _ => null,
            };
            return EntryForm(http, message);
        }
        var (request, client) = pending.Value;
        return PageResults.Page<DeviceView>(http, new Dictionary<string, object?>
        {
            [nameof(DeviceView.ClientName)] = client.Name,
            [nameof(DeviceView.UserCode)] = user_code,
            [nameof(DeviceView.Scopes)] = (Scopes.Parse(request.Scope) ?? []).Select(s => Scopes.Descriptions.GetValueOrDefault(s, s)).ToList(),
        });
    }

    private static IResult EntryForm(HttpContext http, string? error) =>
        PageResults.Page<DeviceEntryView>(http, new Dictionary<string, object?> { [nameof(DeviceEntryView.Error)] = error },
            error is null ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest);
}
