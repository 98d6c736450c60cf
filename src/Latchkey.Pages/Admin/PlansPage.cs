using Latchkey.Core.Admin;
using Latchkey.Core.Common;
using Latchkey.Core.Licensing;
using Latchkey.Pages.Flows;
using Latchkey.Pages.Layout;
using Microsoft.AspNetCore.Http;

namespace Latchkey.Pages.Admin;

/// <summary>
/// <c>/admin/plans</c> (licenses:manage): the license plans as <c>/v1/admin/plans</c> lists them and the form that
/// creates one; <c>/admin/plans/{id}</c> changes one. All through <see cref="LicenseAdministration"/>, whose activity
/// rows name the administrator.
/// </summary>
internal static class PlansPage
{
    public static async Task<IResult> ListAsync(AdminConsole console, LicenseAdministration licensing, HttpContext http, CancellationToken ct)
    {
        var (admin, refused) = await console.EnterAsync(http, Permissions.LicensesManage, ct);
        return admin is null ? refused! : await ListPageAsync(http, admin, licensing, PlanForm.Empty, null, StatusCodes.Status200OK, ct);
    }

    public static async Task<IResult> CreateAsync(AdminConsole console, FlowForms forms, LicenseAdministration licensing, HttpContext http, CancellationToken ct)
    {
        var (admin, refused) = await console.EnterAsync(http, Permissions.LicensesManage, ct);
        if (admin is null) return refused!;
        var (form, expired) = await forms.ReadAsync(http, AdminPaths.Plans, ct);
        if (form is null) return expired!;
        var typed = PlanForm.From(form);
        var draft = typed.Draft();
        var created = draft.IsSuccess ? await licensing.CreatePlanAsync(draft.Value, admin.Caller.UserId, admin.ActingContext(http), ct) : draft.Error;
        return created.IsSuccess ? Results.Redirect($"{AdminPaths.Plan(created.Value.Id)}?done=created")
            : await ListPageAsync(http, admin, licensing, typed, created.Error, AdminErrorStatus.For(created.Error), ct);
    }

    public static async Task<IResult> EditAsync(Guid id, AdminConsole console, LicenseAdministration licensing, HttpContext http, CancellationToken ct)
    {
        var (admin, refused) = await console.EnterAsync(http, Permissions.LicensesManage, ct);
        if (admin is null) return refused!;
        var plan = (await licensing.ListPlansAsync(ct)).FirstOrDefault(p => p.Id == id);
        if (plan is null) return NotFound(http);
        var done = http.Request.Query["done"].ToString() switch { "created" => "Plan created.", "1" => "Saved.", _ => null };
        return EditPage(http, admin, plan, PlanForm.Of(plan), null, done, StatusCodes.Status200OK);
    }

    public static async Task<IResult> UpdateAsync(Guid id, AdminConsole console, FlowForms forms, LicenseAdministration licensing, HttpContext http, CancellationToken ct)
    {
        var (admin, refused) = await console.EnterAsync(http, Permissions.LicensesManage, ct);
        if (admin is null) return refused!;
        var (form, expired) = await forms.ReadAsync(http, AdminPaths.Plan(id), ct);
        if (form is null) return expired!;
        var plan = (await licensing.ListPlansAsync(ct)).FirstOrDefault(p => p.Id == id);
        if (plan is null) return NotFound(http);
        var typed = PlanForm.From(form) with { Code = plan.Code };
        var draft = typed.Draft();
        var saved = draft.IsSuccess ? await licensing.UpdatePlanAsync(id, draft.Value, admin.Caller.UserId, admin.ActingContext(http), ct) : draft.Error;
        return saved.IsSuccess ? Results.Redirect($"{AdminPaths.Plan(id)}?done=1")
            : EditPage(http, admin, plan, typed, saved.Error, null, AdminErrorStatus.For(saved.Error));
    }

    private static async Task<IResult> ListPageAsync(HttpContext http, AdminCaller admin, LicenseAdministration licensing, PlanForm typed, AuthError? error,
        int status, CancellationToken ct) =>
        PageResults.Page<PlansView>(http, new Dictionary<string, object?>
        {
            [nameof(PlansView.Admin)] = admin,
            [nameof(PlansView.Plans)] = await licensing.ListPlansAsync(ct),
            [nameof(PlansView.Typed)] = typed,
            [nameof(PlansView.Error)] = error,
        }, status);

    private static IResult EditPage(HttpContext http, AdminCaller admin, LicensePlan plan, PlanForm typed, AuthError? error, string? notice, int status) =>
        PageResults.Page<PlanEditView>(http, new Dictionary<string, object?>
        {
            [nameof(PlanEditView.Admin)] = admin,
            [nameof(PlanEditView.Plan)] = plan,
            [nameof(PlanEditView.Typed)] = typed,
            [nameof(PlanEditView.Error)] = error,
            [nameof(PlanEditView.Notice)] = notice,
        }, status);

    private static IResult NotFound(HttpContext http) =>
        MessagePage.Render(http, "No such plan", "No such plan", "There is no plan with this id.",
            [new("plans-link", "Back to the plans", AdminPaths.Plans)], StatusCodes.Status404NotFound, isError: true);
}
