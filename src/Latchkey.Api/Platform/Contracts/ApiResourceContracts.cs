using Latchkey.Core.OAuth;

namespace Latchkey.Api.Platform.Contracts;

/// <summary>Body of create (identifier required) and PATCH (any field; those left out stay as they are).</summary>
public sealed record ApiResourceRequest(string? Identifier, string? Name, List<ApiScopeBody>? Scopes)
{
    public ApiResourceDraft ToDraft() => new(Identifier, Name, Scopes?.Select(s => new ApiScope(s?.Value!, s?.Description!)).ToList());
}

public sealed record ApiScopeBody(string? Value, string? Description);

public sealed record ApiResourceView(Guid Id, string Identifier, string Name, IReadOnlyList<ApiScopeBody> Scopes, DateTime CreatedAt, DateTime UpdatedAt)
{
    public static ApiResourceView From(ApiResource r) =>
        new(r.Id, r.Identifier, r.Name, r.Scopes.Select(s => new ApiScopeBody(s.Value, s.Description)).ToList(), r.CreatedAt, r.UpdatedAt);
}

public sealed record ApiResourceResponse(bool Success, ApiResourceView Resource);

public sealed record ApiResourcesResponse(bool Success, IReadOnlyList<ApiResourceView> Resources);
