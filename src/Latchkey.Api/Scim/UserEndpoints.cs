using System.Text.Json.Nodes;
using Latchkey.Core.Scim;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Latchkey.Api.Scim;

internal static class UserEndpoints
{
    public static void MapScimUsers(this RouteGroupBuilder scim)
    {
        var users = scim.MapGroup("/Users").RequireScimToken();
        users.MapGet("", List);
        users.MapPost("/.search", Search);
        users.MapPost("", Create);
        users.MapGet("/{id}", Get);
        users.MapPut("/{id}", Replace);
        users.MapPatch("/{id}", Patch);
        users.MapDelete("/{id}", Delete);
    }

    private static async Task<IResult> List(ScimUserService users, HttpContext http, CancellationToken ct)
    {
        var request = ScimHttp.ListRequest(http.Request.Query);
        if (!request.IsSuccess) return ScimHttp.Error(request.Error);
        var page = await users.ListAsync(request.Value, http.BaseUrl(), ct);
        return page.IsSuccess
            ? ScimHttp.List(page.Value, request.Value.StartIndex, http.Request.Query["attributes"], http.Request.Query["excludedAttributes"])
            : ScimHttp.Error(page.Error);
    }

    private static async Task<IResult> Search(ScimUserService users, HttpContext http, CancellationToken ct)
    {
        var search = await ScimSearch.ReadAsync(http.Request);
        if (!search.IsSuccess) return ScimHttp.Error(search.Error);
        var page = await users.ListAsync(search.Value.Request, http.BaseUrl(), ct);
        return page.IsSuccess
            ? ScimHttp.List(page.Value, search.Value.Request.StartIndex, search.Value.Attributes, search.Value.ExcludedAttributes)
            : ScimHttp.Error(page.Error);
    }

    private static Task<IResult> Create(ScimUserService users, HttpContext http, CancellationToken ct) =>
        WithBody(http, body => users.CreateAsync(body, http.Actor(), http.BaseUrl(), ct), StatusCodes.Status201Created);

    private static async Task<IResult> Get(string id, ScimUserService users, HttpContext http, CancellationToken ct)
    {
        if (!Guid.TryParse(id, out var userId)) return ScimHttp.Error(ScimErrors.NotFound("User"));
        var user = await users.GetAsync(userId, http.BaseUrl(), ct);
        return user.IsSuccess ? ScimHttp.ResourceOrNotModified(http, user.Value) : ScimHttp.Error(user.Error);
    }

    private static Task<IResult> Replace(string id, ScimUserService users, HttpContext http, CancellationToken ct) =>
        !Guid.TryParse(id, out var userId) ? NotFound()
        : WithBody(http, body => users.ReplaceAsync(userId, body, ScimHttp.IfMatch(http), http.Actor(), http.BaseUrl(), ct));

    private static Task<IResult> Patch(string id, ScimUserService users, HttpContext http, CancellationToken ct) =>
        !Guid.TryParse(id, out var userId) ? NotFound()
        : WithBody(http, body => users.PatchAsync(userId, body, ScimHttp.IfMatch(http), http.Actor(), http.BaseUrl(), ct));

    private static async Task<IResult> Delete(string id, ScimUserService users, HttpContext http, CancellationToken ct)
    {
        if (!Guid.TryParse(id, out var userId)) return ScimHttp.Error(ScimErrors.NotFound("User"));
        var deleted = await users.DeleteAsync(userId, ScimHttp.IfMatch(http), http.Actor(), ct);
        return deleted.IsSuccess ? Results.NoContent() : ScimHttp.Error(deleted.Error);
    }

    private static Task<IResult> NotFound() => Task.FromResult(ScimHttp.Error(ScimErrors.NotFound("User")));

    /// <summary>Reads the JSON object body, runs <paramref name="action"/>, and answers the resource or the error.</summary>
    internal static async Task<IResult> WithBody(HttpContext http, Func<JsonObject, Task<Core.Common.Result<JsonObject>>> action, int status = StatusCodes.Status200OK)
    {
        var (body, error) = await ScimHttp.ReadObjectAsync(http.Request);
        if (body is null) return ScimHttp.Error(error!);
        var result = await action(body);
        return result.IsSuccess ? ScimHttp.Resource(http, result.Value, status) : ScimHttp.Error(result.Error);
    }
}
