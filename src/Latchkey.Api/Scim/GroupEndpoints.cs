using Latchkey.Core.Scim;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Latchkey.Api.Scim;

internal static class GroupEndpoints
{
    public static void MapScimGroups(this RouteGroupBuilder scim)
    {
        var groups = scim.MapGroup("/Groups").RequireScimToken();
        groups.MapGet("", List);
        groups.MapPost("/.search", Search);
        groups.MapPost("", (ScimGroupService s, HttpContext h, CancellationToken ct) =>
            UserEndpoints.WithBody(h, body => s.CreateAsync(body, h.Actor(), h.BaseUrl(), ct), StatusCodes.Status201Created));
        groups.MapGet("/{id}", Get);
        groups.MapPut("/{id}", (string id, ScimGroupService s, HttpContext h, CancellationToken ct) => !Guid.TryParse(id, out var groupId) ? NotFound()
            : UserEndpoints.WithBody(h, body => s.ReplaceAsync(groupId, body, ScimHttp.IfMatch(h), h.Actor(), h.BaseUrl(), ct)));
        groups.MapPatch("/{id}", (string id, ScimGroupService s, HttpContext h, CancellationToken ct) => !Guid.TryParse(id, out var groupId) ? NotFound()
            : UserEndpoints.WithBody(h, body => s.PatchAsync(groupId, body, ScimHttp.IfMatch(h), h.Actor(), h.BaseUrl(), ct)));
        groups.MapDelete("/{id}", Delete);
    }

    /// <summary>Members are left out when the client excludes them (Okta and Entra ID list groups that way), saving the member read.</summary>
    internal static bool WantsMembers(string? attributes, string? excluded) =>
        !Names(excluded).Contains("members") && (string.IsNullOrWhiteSpace(attributes) || Names(attributes).Contains("members"));

    private static HashSet<string> Names(string? list) =>
        new((list ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => p.Split('.')[0].Split(':')[^1]), StringComparer.OrdinalIgnoreCase);

    private static async Task<IResult> List(ScimGroupService groups, HttpContext http, CancellationToken ct)
    {
        var request = ScimHttp.ListRequest(http.Request.Query);
        if (!request.IsSuccess) return ScimHttp.Error(request.Error);
        string? attributes = http.Request.Query["attributes"], excluded = http.Request.Query["excludedAttributes"];
        var page = await groups.ListAsync(request.Value, WantsMembers(attributes, excluded), http.BaseUrl(), ct);
        return page.IsSuccess ? ScimHttp.List(page.Value, request.Value.StartIndex, attributes, excluded) : ScimHttp.Error(page.Error);
    }

    private static async Task<IResult> Search(ScimGroupService groups, HttpContext http, CancellationToken ct)
    {
        var search = await ScimSearch.ReadAsync(http.Request);
        if (!search.IsSuccess) return ScimHttp.Error(search.Error);
        var (request, attributes, excluded) = search.Value;
        var page = await groups.ListAsync(request, WantsMembers(attributes, excluded), http.BaseUrl(), ct);
        return page.IsSuccess ? ScimHttp.List(page.Value, request.StartIndex, attributes, excluded) : ScimHttp.Error(page.Error);
    }

    private static async Task<IResult> Get(string id, ScimGroupService groups, HttpContext http, CancellationToken ct)
    {
        if (!Guid.TryParse(id, out var groupId)) return await NotFound();
        var group = await groups.GetAsync(groupId, http.BaseUrl(), ct);
        return group.IsSuccess ? ScimHttp.ResourceOrNotModified(http, group.Value) : ScimHttp.Error(group.Error);
    }

    private static async Task<IResult> Delete(string id, ScimGroupService groups, HttpContext http, CancellationToken ct)
    {
        if (!Guid.TryParse(id, out var groupId)) return await NotFound();
        var deleted = await groups.DeleteAsync(groupId, ScimHttp.IfMatch(http), http.Actor(), ct);
        return deleted.IsSuccess ? Results.NoContent() : ScimHttp.Error(deleted.Error);
    }

    private static Task<IResult> NotFound() => Task.FromResult(ScimHttp.Error(ScimErrors.NotFound("Group")));
}
