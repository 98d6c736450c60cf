using Latchkey.Api.Common;
using Latchkey.Api.Nube.Contracts;
using Latchkey.Api.RateLimiting;
using Latchkey.Core.Admin;
using Latchkey.Core.Licensing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Latchkey.Api.Nube;

/// <summary><c>/v1/admin/plans</c> and <c>/v1/admin/licenses</c>: the licensing administration, permission <c>licenses:manage</c>.</summary>
public static class NubeLicenseAdminEndpoints
{
    public static void MapNubeLicenseAdmin(this RouteGroupBuilder v1)
    {
        var admin = v1.MapGroup("/admin").WithTags("Nube: admin").RequireNubePermission(Permissions.LicensesManage).RateLimited(RateLimitPolicies.Admin);
        admin.MapGet("/plans", ListPlans);
        admin.MapPost("/plans", CreatePlan);
        admin.MapGet("/licenses", ListLicenses);
        admin.MapPost("/licenses", Issue);
        admin.MapPatch("/licenses/{id:guid}", Update);
    }

    private static async Task<IResult> ListPlans(LicenseAdministration licensing, HttpContext http, CancellationToken ct) =>
        NubeResults.Ok(http, (await licensing.ListPlansAsync(ct)).Select(PlanOut.From).ToList());

    private static async Task<IResult> CreatePlan(PlanRequest? body, LicenseAdministration licensing, HttpContext http, CancellationToken ct)
    {
        if (body is null) return NubeResults.Error(http, NubeResults.Missing("code"));
        var draft = new PlanDraft(body.Code, body.Name, body.Entitlements, body.Seats, body.DurationDays, body.TrialDays);
        var result = await licensing.CreatePlanAsync(draft, http.Caller().UserId, http.RequestContext(), ct);
        return result.IsSuccess ? NubeResults.Created(http, PlanOut.From(result.Value)) : NubeResults.Error(http, result.Error);
    }

    private static async Task<IResult> ListLicenses(Guid? userId, int? page, int? limit, LicenseAdministration licensing, TimeProvider clock, HttpContext http, CancellationToken ct)
    {
        if (NubeResults.Paging(page, limit, out var p, out var l) is { } badPage) return NubeResults.Error(http, badPage);
        var result = await licensing.ListAsync(userId, null, p, l, ct);
        if (!result.IsSuccess) return NubeResults.Error(http, result.Error);
        var now = clock.GetUtcNow().UtcDateTime;
        return NubeResults.Page(http, result.Value.Items.Select(x => LicenseRow.From(x, now)).ToList(), p, l, result.Value.Total);
    }

    private static async Task<IResult> Issue(IssueLicenseRequest? body, LicenseAdministration licensing, TimeProvider clock, HttpContext http, CancellationToken ct)
    {
        if (body is null) return NubeResults.Error(http, NubeResults.Missing("userId"));
        var grant = new LicenseGrant(body.UserId, body.Plan, body.Seats, body.TrialDays, body.Overrides);
        var result = await licensing.IssueAsync(grant, http.Caller().UserId, http.RequestContext(), ct);
        if (!result.IsSuccess) return NubeResults.Error(http, result.Error);
        var (license, plan, key) = result.Value;
        return NubeResults.Created(http, new IssuedLicenseOut(key, LicenseOut.From(LicenseView.At(license, plan, clock.GetUtcNow().UtcDateTime))));
    }

    private static async Task<IResult> Update(Guid id, UpdateLicenseRequest? body, LicenseAdministration licensing, HttpContext http, CancellationToken ct)
    {
        if (body is null) return NubeResults.Error(http, new Core.Common.AuthError(Core.Common.AuthErrorCodes.InvalidRequest, "A JSON object body is required"));
        var result = await licensing.UpdateAsync(id, new LicenseChange(body.Status, body.Seats, body.EndsAt), http.Caller().UserId, http.RequestContext(), ct);
        return NubeResults.From(http, result, LicenseOut.From);
    }
}
