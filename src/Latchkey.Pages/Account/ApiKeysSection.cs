using Latchkey.Core.Admin;
using Latchkey.Core.ApiKeys;
using Latchkey.Core.Common;
using Latchkey.Pages.Layout;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Latchkey.Pages.Account;

/// <summary>
/// <c>/account/api-keys</c>, through <see cref="ApiKeyService"/> as <c>/api/v1/auth/keys</c>: creating a key needs
/// step-up (the service decides) and its secret is shown once, in the answer to the form, never again.
/// </summary>
internal static class ApiKeysSection
{
    public static void MapApiKeysSection(this IEndpointRouteBuilder app)
    {
        app.MapGet(AccountPaths.ApiKeys, Show);
        app.MapPost(AccountPaths.ApiKeyCreate, Create);
        app.MapPost(AccountPaths.ApiKeyRevoke, Revoke);
    }

    private static async Task<IResult> Show(string? done, AccountConsole console, ApiKeyService keys, RolePermissions roles, HttpContext http, CancellationToken ct)
    {
        var (visitor, away) = await console.VisitAsync(http, AccountPaths.ApiKeys, ct);
        return visitor is null ? away! : await RenderAsync(http, visitor, keys, roles, new() { Notice = AccountNotices.For(done) }, ct);
    }

    private static async Task<IResult> Create(AccountConsole console, ApiKeyService keys, RolePermissions roles, HttpContext http, CancellationToken ct)
    {
        var post = await console.PostSensitiveAsync(http, AccountPaths.ApiKeys, ct);
        if (post.Refused is not null) return post.Refused;
        var (visitor, form) = (post.Visitor!, post.Form!);
        var name = AccountConsole.Text(form, "name");
        // Ticks count only with "limit" ticked: an untouched form makes a key with the person's full permissions.
        var limit = AccountConsole.Text(form, "limit") == "true";
        string?[]? scopes = limit ? form["scopes"].ToArray() : null;
        var created = await keys.CreateAsync(visitor.UserId, visitor.SessionId, name, scopes, RequestContext.From(http), ct);
        if (created.IsSuccess) return await RenderAsync(http, visitor, keys, roles, new() { NewSecret = created.Value.Secret }, ct);
        if (created.Error.Code == AuthErrorCodes.ElevationRequired) return ElevateSection.Ask(http, visitor, AccountPaths.ApiKeys);
        var state = new KeysState { Name = name, Limit = limit, Scopes = scopes?.OfType<string>().ToList() ?? [], Status = AccountConsole.StatusFor(created.Error) };
        state = AccountConsole.FieldError(created.Error, "name") is { } nameError ? state with { NameError = nameError }
            : AccountConsole.FieldError(created.Error, ApiKeyScopes.Field) is { } scopesError ? state with { ScopesError = scopesError }
            : state with { Error = created.Error.Message };
        return await RenderAsync(http, visitor, keys, roles, state, ct);
    }

    private static async Task<IResult> Revoke(AccountConsole console, ApiKeyService keys, RolePermissions roles, HttpContext http, CancellationToken ct)
    {
        var post = await console.PostSensitiveAsync(http, AccountPaths.ApiKeys, ct);
        if (post.Refused is not null) return post.Refused;
        return await keys.DeleteAsync(post.Visitor!.UserId, AccountConsole.Text(post.Form!, "key"), RequestContext.From(http), ct)
            ? AccountConsole.SeeOther(http, AccountPaths.ApiKeys, "api-key")
            : await RenderAsync(http, post.Visitor, keys, roles, new() { Error = "That key is not one of yours.", Status = StatusCodes.Status404NotFound }, ct);
    }

    private sealed record KeysState
    {
        public string? NewSecret { get; init; }
        public string? Name { get; init; }
        public string? NameError { get; init; }
        public bool Limit { get; init; }
        public IReadOnlyList<string> Scopes { get; init; } = [];
        public string? ScopesError { get; init; }
        public string? Error { get; init; }
        public string? Notice { get; init; }
        public int Status { get; init; } = StatusCodes.Status200OK;
    }

    private static async Task<IResult> RenderAsync(
        HttpContext http, AccountVisitor visitor, ApiKeyService keys, RolePermissions roles, KeysState state, CancellationToken ct)
    {
        var held = await roles.ForRolesAsync(visitor.User.Role, visitor.User.GroupRoles, ct);
        return PageResults.Page<ApiKeysView>(http, new Dictionary<string, object?>
        {
            [nameof(ApiKeysView.Keys)] = await keys.ListAsync(visitor.UserId, ct),
            [nameof(ApiKeysView.Held)] = Permissions.All.Where(held.Contains).ToList(),
            [nameof(ApiKeysView.Scopes)] = state.Scopes,
            [nameof(ApiKeysView.Limit)] = state.Limit,
            [nameof(ApiKeysView.ScopesError)] = state.ScopesError,
            [nameof(ApiKeysView.NewSecret)] = state.NewSecret,
            [nameof(ApiKeysView.Name)] = state.Name,
            [nameof(ApiKeysView.NameError)] = state.NameError,
            [nameof(ApiKeysView.Error)] = state.Error,
            [nameof(ApiKeysView.Notice)] = state.Notice,
        }, state.Status);
    }
}
