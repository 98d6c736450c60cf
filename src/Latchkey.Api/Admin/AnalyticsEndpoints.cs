using Latchkey.Api.Admin.Contracts;
using Latchkey.Api.Authentication;
using Latchkey.Core.Admin;
using Latchkey.Core.Admin.Analytics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Latchkey.Api.Admin;

/// <summary><c>/api/admin/analytics?from&amp;to&amp;interval</c>: day or hour series (analytics:read).</summary>
public static class AnalyticsEndpoints
{
    public static void MapAdminAnalytics(this RouteGroupBuilder admin) =>
        admin.MapGet("/analytics", async (string? from, string? to, string? interval, AnalyticsService analytics, CancellationToken ct) =>
                AdminHttp.OkOr(await analytics.GetAsync(from, to, interval, ct), report => new AnalyticsResponse(true, report)))
            .RequirePermission(Permissions.AnalyticsRead);
}
