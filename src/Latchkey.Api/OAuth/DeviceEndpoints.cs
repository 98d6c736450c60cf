using Latchkey.Api.Common;
using Latchkey.Api.OAuth.Contracts;
using Latchkey.Api.RateLimiting;
using Latchkey.Core.Common;
using Latchkey.Core.OAuth;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace Latchkey.Api.OAuth;

/// <summary>RFC 8628: <c>POST /api/oauth/device</c> (the device asks) and <c>POST /api/oauth/device/verify</c> (the user answers).</summary>
public static class DeviceEndpoints
{
    public static void MapOAuthDevice(this RouteGroupBuilder oauth)
    {
        oauth.MapPost("/device", Start).RateLimited(RateLimitPolicies.OAuthToken);
        oauth.MapPost("/device/verify", Verify).RateLimited(RateLimitPolicies.OAuthDeviceVerify);
    }

    private static async Task<IResult> Start(
        ClientAuthenticator authenticator, DeviceFlowService devices, IOptions<LatchkeyOptions> latchkey, HttpContext http, CancellationToken ct)
    {
        var (form, client, failure) = await IntrospectionEndpoints.AuthenticateAsync(authenticator, http, ct);
        if (failure is not null) return failure;
        var started = await devices.StartAsync(client!, form!["scope"], form["resource"], ct);
        if (!started.IsSuccess) return TokenEndpoints.Error(started.Error);
        var page = latchkey.Value.PublicUrl + HostedPages.Device;
        var s = started.Value;
        return Results.Json(new DeviceAuthorizationBody(s.DeviceCode, s.UserCode, page, $"{page}?user_code={Uri.EscapeDataString(s.UserCode)}", s.ExpiresIn, s.Interval));
    }

    /// <summary>The device page's form (session cookie + antiforgery); answers by sending the browser back to the page.</summary>
    private static async Task<IResult> Verify(IAntiforgery antiforgery, DeviceFlowService devices, BrowserSessionReader browsers, HttpContext http, CancellationToken ct)
    {
        if (!http.Request.HasFormContentType || !await antiforgery.IsRequestValidAsync(http))
            return Results.Redirect($"{HostedPages.Device}?error=expired_form");
        var browser = await browsers.ReadAsync(http, ct);
        var form = (await OAuthRequest.ReadFormAsync(http))!;
        var userCode = form["user_code"] ?? "";
        if (browser is null)
            return Results.Redirect($"{HostedPages.Login}?return_url={Uri.EscapeDataString($"{HostedPages.Device}?user_code={Uri.EscapeDataString(userCode)}")}");
        var approve = form["decision"] == "approve";
        var result = await devices.DecideAsync(userCode, browser, approve, http.RequestContext(), ct);
        return Results.Redirect(result.IsSuccess
            ? $"{HostedPages.Device}?result={(approve ? "approved" : "denied")}"
            : $"{HostedPages.Device}?error=invalid_code");
    }
}
