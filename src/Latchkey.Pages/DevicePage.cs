using Latchkey.Core.OAuth;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using static Latchkey.Pages.Html;

namespace Latchkey.Pages;

/// <summary>
/// <c>/device</c> (RFC 8628 §3.3): enter the code shown on the device, see which application asks for
/// what, then allow or deny through <c>POST /api/oauth/device/verify</c>.
/// </summary>
internal static class DevicePage
{
    public static void MapDevicePage(this IEndpointRouteBuilder app) => app.MapGet(HostedPages.Device, Show);

    private static async Task<IResult> Show(
        string? user_code, string? result, string? error, DeviceFlowService devices, BrowserSessionReader browsers,
        IAntiforgery antiforgery, HttpContext http, CancellationToken ct)
    {
        if (await browsers.ReadAsync(http, ct) is null)
            return Results.Redirect($"{HostedPages.Login}?return_url={Uri.EscapeDataString(http.Request.Path + http.Request.QueryString)}");
        if (result is "approved" or "denied")
            return Page(http, "Done", result == "approved"
                ? "<h1>Device connected</h1><p class=\"alert ok\" role=\"status\">You can go back to your device.</p>"
                : "<h1>Request denied</h1><p role=\"status\">The device was not given access.</p>");

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
        var scopes = string.Concat((Scopes.Parse(request.Scope) ?? []).Select(s => $"<li>{E(Scopes.Descriptions.GetValueOrDefault(s, s))}</li>"));
        return Page(http, "Connect a device", $"""
            <h1>Connect {E(client.Name)}?</h1>
            <p>Only continue if the code <strong>{E(user_code)}</strong> is the one shown on your device.</p>
            <p id="scopes-label">It will be able to:</p>
            <ul class="scopes" aria-labelledby="scopes-label">{scopes}</ul>
            <form method="post" action="/api/oauth/device/verify">
            {Antiforgery(antiforgery, http)}
            {Hidden("user_code", user_code)}
            <button type="submit" name="decision" value="approve">Allow</button>
            <button type="submit" name="decision" value="deny" class="secondary">Deny</button>
            </form>
            """);
    }

    private static IResult EntryForm(HttpContext http, string? error) =>
        Page(http, "Connect a device", $"""
            <h1>Connect a device</h1>
            {(error is null ? "" : $"<p class=\"alert\" role=\"alert\">{E(error)}</p>")}
            <form method="get" action="{HostedPages.Device}">
            <label for="user_code">Code shown on your device</label>
            <input id="user_code" name="user_code" type="text" autocomplete="one-time-code" autocapitalize="characters" inputmode="text" required placeholder="XXXX-XXXX">
            <button type="submit">Continue</button>
            </form>
            """, error is null ? 200 : 400);
}
