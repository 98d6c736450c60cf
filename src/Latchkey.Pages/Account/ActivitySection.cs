using Latchkey.Core.Audit;
using Latchkey.Pages.Layout;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Latchkey.Pages.Account;

/// <summary><c>/account/activity</c>: the first page of <c>/api/user/activity</c>, from the same store.</summary>
internal static class ActivitySection
{
    public const int Shown = 50;

    public static void MapActivitySection(this IEndpointRouteBuilder app) => app.MapGet(AccountPaths.Activity, Show);

    private static async Task<IResult> Show(AccountConsole console, IActivityStore activity, HttpContext http, CancellationToken ct)
    {
        var (visitor, away) = await console.VisitAsync(http, AccountPaths.Activity, ct);
        if (visitor is null) return away!;
        var (items, total) = await activity.ListForUserAsync(visitor.UserId, 1, Shown, ct);
        return PageResults.Page<ActivityView>(http, new Dictionary<string, object?>
        {
            [nameof(ActivityView.Items)] = items,
            [nameof(ActivityView.Total)] = total,
        });
    }
}
