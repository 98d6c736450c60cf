using Latchkey.Core.Audit;
using Latchkey.Core.Common;
using Microsoft.Extensions.Options;

namespace Latchkey.Core.OAuth;

/// <summary>Administrators define the API resources (RFC 8707) that clients may get tokens for.</summary>
public sealed class ApiResourceService(
    IApiResourceStore resources,
    ApiResourceCatalog catalog,
    ActivityLog activity,
    IUnitOfWork unitOfWork,
    IOptions<LatchkeyOptions> latchkey,
    TimeProvider clock)
{
    private static readonly AuthError NotFound = new(AuthErrorCodes.NotFound, "API resource not found");

    public Task<IReadOnlyList<ApiResource>> ListAsync(CancellationToken ct) => resources.ListAsync(ct);

    public async Task<Result<ApiResource>> GetAsync(Guid id, CancellationToken ct) =>
        (await resources.ListAsync(ct)).FirstOrDefault(r => r.Id == id) is { } found ? found : NotFound;

    public async Task<Result<ApiResource>> CreateAsync(ApiResourceDraft draft, Guid? actor, RequestContext context, CancellationToken ct)
    {
        if (draft.Identifier is null) return new AuthError(AuthErrorCodes.ValidationFailed, "identifier is required");
        var now = clock.GetUtcNow().UtcDateTime;
        var resource = new ApiResource { Id = Ids.New(), Identifier = "", Name = draft.Name ?? "", CreatedAt = now, UpdatedAt = now };
        if (await ValidateAsync(draft, resource, ct) is { } invalid) return invalid;
        resources.Add(resource);
        activity.Record(ActivityTypes.ApiResourceCreated, actor, context, details: new { resource.Identifier });
        return await SaveAsync(resource, ct);
    }

    /// <summary>Partial update: fields left null keep their value.</summary>
    public async Task<Result<ApiResource>> UpdateAsync(Guid id, ApiResourceDraft draft, Guid? actor, RequestContext context, CancellationToken ct)
    {
        var resource = await resources.FindForUpdateAsync(id, ct);
        if (resource is null) return NotFound;
        if (await ValidateAsync(draft, resource, ct) is { } invalid) return invalid;
        resource.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        activity.Record(ActivityTypes.ApiResourceUpdated, actor, context, details: new { resource.Identifier });
        return await SaveAsync(resource, ct);
    }

    /// <summary>
    /// Removes a resource. Tokens already issued for it stay valid until they expire (they are JWTs);
    /// new ones cannot be had, and clients still listing its scopes must drop them on their next edit.
    /// </summary>
    public async Task<Result<Unit>> DeleteAsync(Guid id, Guid? actor, RequestContext context, CancellationToken ct)
    {
        var resource = await resources.FindForUpdateAsync(id, ct);
        if (resource is null) return NotFound;
        resources.Remove(resource);
        activity.Record(ActivityTypes.ApiResourceDeleted, actor, context, details: new { resource.Identifier });
        await SaveAsync(resource, ct);
        return Unit.Value;
    }

    private async Task<AuthError?> ValidateAsync(ApiResourceDraft draft, ApiResource resource, CancellationToken ct)
    {
        // Checked against the table, not the cached snapshot, so a resource made a moment ago on another node counts.
        var all = new ApiResourceSet(await resources.ListAsync(ct));
        return ApiResourceDraftValidator.Apply(draft, resource, all, latchkey.Value.PublicUrl!);
    }

    private async Task<ApiResource> SaveAsync(ApiResource resource, CancellationToken ct)
    {
        await unitOfWork.SaveChangesAsync(ct);
        catalog.Forget();
        return resource;
    }
}
