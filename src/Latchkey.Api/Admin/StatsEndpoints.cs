using Latchkey.Api.Admin.Contracts;
using Latchkey.Api.Authentication;
using Latchkey.Core.Admin;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Latchkey.Api.Admin;

/// <summary><c>/api/admin/stats</c>: the dashboard figures (stats:read).</summary>
public static class StatsEndpoints
{
    public static void MapAdminStats(this RouteGroupBuilder admin) =>
        admin.MapGet("/stats", async (StatsService stats, CancellationToken ct) => Results.Ok(new StatsResponse(true, await stats.GetAsync(ct))))
            .RequirePermission(Permissions.StatsRead);
}
