using Latchkey.Core.Admin;
using Latchkey.Core.Common;
using Latchkey.Core.Tokens;
using Latchkey.Pages.Flows;
using Latchkey.Pages.Layout;
using Microsoft.AspNetCore.Http;

namespace Latchkey.Pages.Admin;

/// <summary>
/// <c>/admin/keys</c> (keys:rotate): the signing keys still published in JWKS, newest first, and a confirmed rotation
/// through <see cref="SigningKeyRotation"/>, the one rotation <c>latchkey keys rotate</c> and
/// <c>POST /api/admin/oidc-keys</c> use (its activity row names the administrator).
/// </summary>
internal static class KeysPage
{
    public static async Task<IResult> ShowAsync(AdminConsole console, ISigningKeyStore store, TimeProvider clock, HttpContext http, CancellationToken ct)
    {
        var (admin, refused) = await console.EnterAsync(http, Permissions.KeysRotate, ct);
        if (admin is null) return refused!;
        return await PageAsync(http, admin, store, clock, null, http.Request.Query["done"] == "1", StatusCodes.Status200OK, ct);
    }

    public static async Task<IResult> RotateAsync(AdminConsole console, FlowForms forms, SigningKeyRotation rotation, ISigningKeyStore store,
        TimeProvider clock, HttpContext http, CancellationToken ct)
    {
        var (admin, refused) = await console.EnterAsync(http, Permissions.KeysRotate, ct);
        if (admin is null) return refused!;
        var (form, expired) = await forms.ReadAsync(http, AdminPaths.Keys, ct);
        if (form is null) return expired!;
        if (form["confirm"] != "yes")
            return await PageAsync(http, admin, store, clock, ConfirmBox.Missing, false, StatusCodes.Status400BadRequest, ct);
        await rotation.RotateAllAsync(admin.Caller.UserId, admin.ActingContext(http), "admin console", ct);
        return Results.Redirect($"{AdminPaths.Keys}?done=1");
    }

    private static async Task<IResult> PageAsync(HttpContext http, AdminCaller admin, ISigningKeyStore store, TimeProvider clock,
        AuthError? error, bool done, int status, CancellationToken ct) =>
        PageResults.Page<KeysView>(http, new Dictionary<string, object?>
        {
            [nameof(KeysView.Admin)] = admin,
            [nameof(KeysView.Keys)] = await store.ListPublishedAsync(clock.GetUtcNow().UtcDateTime, ct),
            [nameof(KeysView.Error)] = error,
            [nameof(KeysView.Done)] = done,
        }, status);
}
