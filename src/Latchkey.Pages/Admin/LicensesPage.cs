using Latchkey.Core.Admin;
using Latchkey.Core.Common;
using Latchkey.Core.Licensing;
using Latchkey.Pages.Flows;
using Latchkey.Pages.Layout;
using Microsoft.AspNetCore.Http;

namespace Latchkey.Pages.Admin;

/// <summary>
/// <c>/admin/licenses</c> (licenses:manage): one page of licenses, newest first, filtered by the status in force and
/// by account, and the form that grants a plan to an account (the license key shown once, on the answer to that
/// POST). Through <see cref="LicenseAdministration"/>, whose activity rows name the administrator.
/// </summary>
internal static class LicensesPage
{
    public static async Task<IResult> ListAsync(AdminConsole console, LicenseAdministration licensing, HttpContext http, CancellationToken ct)
    {
        var (admin, refused) = await console.EnterAsync(http, Permissions.LicensesManage, ct);
        return admin is null ? refused! : await ListPageAsync(http, admin, licensing, GrantForm.Empty, null, ct);
    }

    public static async Task<IResult> GrantAsync(AdminConsole console, FlowForms forms, LicenseAdministration licensing, HttpContext http, CancellationToken ct)
    {
        var (admin, refused) = await console.EnterAsync(http, Permissions.LicensesManage, ct);
        if (admin is null) return refused!;
        var (form, expired) = await forms.ReadAsync(http, AdminPaths.Licenses, ct);
        if (form is null) return expired!;
        var typed = GrantForm.From(form);
        var grant = typed.Grant();
        var issued = grant.IsSuccess ? await licensing.IssueAsync(grant.Value, admin.Caller.UserId, admin.ActingContext(http), ct) : grant.Error;
        if (!issued.IsSuccess) return await ListPageAsync(http, admin, licensing, typed, issued.Error, ct);
        var (license, plan, key) = issued.Value;
        return PageResults.Page<LicenseKeyView>(http, new Dictionary<string, object?>
        {
            [nameof(LicenseKeyView.Admin)] = admin,
            [nameof(LicenseKeyView.License)] = license,
            [nameof(LicenseKeyView.Plan)] = plan,
            [nameof(LicenseKeyView.Key)] = key,
        });
    }

    /// <summary>The list as filtered (a bad filter answered by its field) and the grant form, with a refused grant's error by its field.</summary>
    private static async Task<IResult> ListPageAsync(HttpContext http, AdminCaller admin, LicenseAdministration licensing, GrantForm typed, AuthError? grantError,
        CancellationToken ct)
    {
        var q = http.Request.Query;
        var (status, userText) = (AdminQuery.Value(q["status"]), AdminQuery.Value(q["user"]));
        Guid? userId = Guid.TryParse(userText, out var id) ? id : null;
        Result<(IReadOnlyList<License> Items, int Total)> found = userText is not null && userId is null ? AuthError.Field("user", "Account id must be an account's id")
            : await licensing.ListAsync(userId, status, AdminQuery.Page(q["page"]), PageLimits.DefaultLimit, ct);
        var page = AdminQuery.Page(q["page"]);
        var error = grantError ?? (found.IsSuccess ? null : found.Error);
        return PageResults.Page<LicensesView>(http, new Dictionary<string, object?>
        {
            [nameof(LicensesView.Admin)] = admin,
            [nameof(LicensesView.Status)] = status,
            [nameof(LicensesView.UserId)] = userText,
            [nameof(LicensesView.Found)] = found.IsSuccess ? new Page<License>(found.Value.Items, found.Value.Total, page, PageLimits.DefaultLimit) : null,
            [nameof(LicensesView.Plans)] = await licensing.ListPlansAsync(ct),
            [nameof(LicensesView.Typed)] = typed,
            [nameof(LicensesView.Error)] = error,
        }, error is null ? StatusCodes.Status200OK : AdminErrorStatus.For(error));
    }
}
