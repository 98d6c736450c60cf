using Latchkey.Core.Admin;
using Latchkey.Core.Admin.Analytics;
using Latchkey.Pages.Layout;
using Microsoft.AspNetCore.Http;

namespace Latchkey.Pages.Admin;

/// <summary>
/// <c>/admin</c>: the figures of <c>GET /api/admin/stats</c> (stats:read) and the last 30 days of
/// <c>GET /api/admin/analytics</c> (analytics:read) as charts; a role with neither sees its sections only.
/// </summary>
internal static class DashboardPage
{
    public static async Task<IResult> ShowAsync(AdminConsole console, StatsService stats, AnalyticsService analytics, HttpContext http, CancellationToken ct)
    {
        var (admin, refused) = await console.EnterAsync(http, null, ct);
        if (admin is null) return refused!;
        var figures = admin.Can(Permissions.StatsRead) ? await stats.GetAsync(ct) : null;
        AnalyticsReport? series = null;
        if (admin.Can(Permissions.AnalyticsRead) && await analytics.GetAsync(null, null, AnalyticsInterval.Day.Name, ct) is { IsSuccess: true } report)
            series = report.Value;
        return PageResults.Page<DashboardView>(http, new Dictionary<string, object?>
        {
            [nameof(DashboardView.Admin)] = admin,
            [nameof(DashboardView.Stats)] = figures,
            [nameof(DashboardView.Series)] = series,
        });
    }
}
