using System.Text.Json.Nodes;
using Latchkey.Core.Scim;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace Latchkey.Api.Scim;

/// <summary>
/// <c>POST /.search</c> at the root (RFC 7644 §3.4.3): one ListResponse over Users, then Groups. Each resource type is
/// searched with its own indexed query, and only when the filter is valid for it (a filter naming <c>userName</c>
/// searches no group); a filter valid for neither is <c>400 invalidFilter</c>. Paging runs over the users followed by
/// the groups, so a page can hold both. <c>sortBy</c> is refused (<c>400 invalidValue</c>): the two types share no
/// order the two queries could merge without reading every earlier page.
/// </summary>
internal static class RootSearchEndpoints
{
    public static void MapScimRootSearch(this RouteGroupBuilder scim) =>
        scim.MapPost("/.search", Search).RequireScimToken();

    private static async Task<IResult> Search(
        ScimUserService users, ScimGroupService groups, IOptions<ScimOptions> options, HttpContext http, CancellationToken ct)
    {
        var search = await ScimSearch.ReadAsync(http.Request);
        if (!search.IsSuccess) return ScimHttp.Error(search.Error);
        var (request, attributes, excluded) = search.Value;
        if (request.SortBy is not null) return ScimHttp.Error(ScimErrors.InvalidValue("sortBy is not supported on a search across resource types; search /Users/.search or /Groups/.search"));
        var count = Math.Min(request.Count ?? options.Value.MaxResults, options.Value.MaxResults);

        var userPage = await users.ListAsync(request with { Count = count }, http.BaseUrl(), ct);
        var taken = userPage.IsSuccess ? userPage.Value.Resources.Count : 0;
        var usersBefore = userPage.IsSuccess ? userPage.Value.TotalResults : 0;
        // Groups continue where the users end: from the first group when the page started among the users.
        var groupRequest = request with { StartIndex = Math.Max(1, request.StartIndex - usersBefore), Count = count - taken };
        var groupPage = await groups.ListAsync(groupRequest, GroupEndpoints.WantsMembers(attributes, excluded), http.BaseUrl(), ct);
        if (!userPage.IsSuccess && !groupPage.IsSuccess) return ScimHttp.Error(userPage.Error);

        var found = new List<JsonObject>(count);
        if (userPage.IsSuccess) found.AddRange(userPage.Value.Resources);
        if (groupPage.IsSuccess) found.AddRange(groupPage.Value.Resources);
        var total = usersBefore + (groupPage.IsSuccess ? groupPage.Value.TotalResults : 0);
        return ScimHttp.List(new ScimPage<JsonObject>(total, found), request.StartIndex, attributes, excluded);
    }
}
