using Latchkey.Core.Admin;
using Latchkey.Core.Common;
using Latchkey.Core.Licensing;
using Latchkey.Pages.Flows;
using Latchkey.Pages.Layout;
using Microsoft.AspNetCore.Http;

namespace Latchkey.Pages.Admin;

/// <summary>
/// <c>/admin/licenses/{id}</c> (licenses:manage): one license, its entitlements with this period's usage, and the
/// confirmed form that suspends, revokes, reactivates or renews it (status, seats, end date) through
/// <see cref="LicenseAdministration.UpdateAsync"/>, which records the change with the administrator.
/// </summary>
internal static class LicensePage
{
    public static async Task<IResult> ShowAsync(Guid id, AdminConsole console, LicenseAdministration licensing, EntitlementService entitlements,
        HttpContext http, CancellationToken ct)
    {
        var (admin, refused) = await console.EnterAsync(http, Permissions.LicensesManage, ct);
        if (admin is null) return refused!;
        var license = await licensing.FindAsync(id, ct);
        if (license is null) return NotFound(http);
        var notice = http.Request.Query["done"] == "1" ? "Saved." : null;
        return await PageAsync(http, admin, license, entitlements, LicenseChangeForm.Of(license.License), null, notice, StatusCodes.Status200OK, ct);
    }

    public static async Task<IResult> ChangeAsync(Guid id, AdminConsole console, FlowForms forms, LicenseAdministration licensing, EntitlementService entitlements,
        HttpContext http, CancellationToken ct)
    {
        var (admin, refused) = await console.EnterAsync(http, Permissions.LicensesManage, ct);
        if (admin is null) return refused!;
        var (form, expired) = await forms.ReadAsync(http, AdminPaths.License(id), ct);
        if (form is null) return expired!;
        var license = await licensing.FindAsync(id, ct);
        if (license is null) return NotFound(http);
        var typed = LicenseChangeForm.From(form);
        if (form["confirm"] != "yes")
            return await PageAsync(http, admin, license, entitlements, typed, ConfirmBox.Missing, null, StatusCodes.Status400BadRequest, ct);
        var change = typed.Change(license.License);
        var saved = change.IsSuccess ? await licensing.UpdateAsync(id, change.Value, admin.Caller.UserId, admin.ActingContext(http), ct) : change.Error;
        return saved.IsSuccess ? Results.Redirect($"{AdminPaths.License(id)}?done=1")
            : await PageAsync(http, admin, license, entitlements, typed, saved.Error, null, AdminErrorStatus.For(saved.Error), ct);
    }

    private static async Task<IResult> PageAsync(HttpContext http, AdminCaller admin, LicenseView license, EntitlementService entitlements, LicenseChangeForm typed,
        AuthError? error, string? notice, int status, CancellationToken ct) =>
        PageResults.Page<LicenseDetailView>(http, new Dictionary<string, object?>
        {
            [nameof(LicenseDetailView.Admin)] = admin,
            [nameof(LicenseDetailView.License)] = license,
            [nameof(LicenseDetailView.Usage)] = await entitlements.ChecksAsync(license, ct),
            [nameof(LicenseDetailView.Typed)] = typed,
            [nameof(LicenseDetailView.Error)] = error,
            [nameof(LicenseDetailView.Notice)] = notice,
        }, status);

    private static IResult NotFound(HttpContext http) =>
        MessagePage.Render(http, "No such license", "No such license", "There is no license with this id.",
            [new("licenses-link", "Back to the licenses", AdminPaths.Licenses)], StatusCodes.Status404NotFound, isError: true);
}
