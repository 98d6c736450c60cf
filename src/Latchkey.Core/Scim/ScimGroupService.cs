using System.Text.Json.Nodes;
using Latchkey.Core.Audit;
using Latchkey.Core.Common;
using Microsoft.Extensions.Options;

namespace Latchkey.Core.Scim;

/// <summary>SCIM Groups: a name, an externalId and member accounts, stored in Latchkey's own tables.</summary>
public sealed class ScimGroupService(
    IScimGroupStore store, GroupRoleSync roleSync, ActivityLog activity, IUnitOfWork unitOfWork, IOptions<ScimOptions> options, TimeProvider clock)
{
    private static readonly ScimPatch Patcher = new(ScimSchemas.Group, new HashSet<string>(StringComparer.OrdinalIgnoreCase),
        new HashSet<string>(["id", "meta"], StringComparer.OrdinalIgnoreCase));

    public async Task<Result<ScimPage<JsonObject>>> ListAsync(ScimListRequest request, bool withMembers, string baseUrl, CancellationToken ct)
    {
        var filter = ScimFilterBinder.ParseAndBind<ScimGroupField>(request.Filter, ScimGroupFields.Resolve);
        if (!filter.IsSuccess) return filter.Error;
        ScimGroupField? sortBy = null;
        if (request.SortBy is { } sort)
        {
            var parsed = ScimFilterParser.ParsePath(sort);
            var field = parsed.IsSuccess && parsed.Value.ValueFilter is null ? ScimGroupFields.Resolve(parsed.Value.Attribute) : null;
            if (field is null or { Field: ScimGroupField.Member }) return ScimErrors.InvalidValue($"Cannot sort by '{sort}'");
            sortBy = field.Field;
        }
        var page = await store.QueryAsync(new ScimQuery<ScimGroupField>(filter.Value, sortBy, request.Descending, request.StartIndex,
            Math.Min(request.Count ?? options.Value.MaxResults, options.Value.MaxResults)), ct);
        var members = withMembers ? await store.MembersOfAsync(page.Resources.Select(g => g.Id).ToList(), ct) : null;
        return new ScimPage<JsonObject>(page.TotalResults,
            page.Resources.Select(g => ScimGroupResource.Render(g, members?[g.Id] ?? [], baseUrl)).ToList());
    }

    public async Task<Result<JsonObject>> GetAsync(Guid id, string baseUrl, CancellationToken ct) =>
        await store.FindAsync(id, ct) is { } group ? await RenderAsync(group, baseUrl, ct) : ScimErrors.NotFound("Group");

    public async Task<Result<JsonObject>> CreateAsync(JsonObject body, ScimActor actor, string baseUrl, CancellationToken ct)
    {
        var input = Read(body);
        if (!input.IsSuccess) return input.Error;
        var now = Now();
        var group = new ScimGroup { Id = Ids.New(), DisplayName = input.Value.DisplayName, NormalizedDisplayName = "", CreatedAt = now, UpdatedAt = now };
        if (await ApplyAsync(group, input.Value, [], ct) is { } invalid) return invalid;
        store.Add(group);
        activity.Record(ScimActivityTypes.GroupCreated, null, actor.Context,
            details: new { clientId = actor.ClientId, groupId = group.Id, displayName = group.DisplayName, membersAdded = MemberChange(input.Value.Members) });
        if (await SaveAsync([], ct) is { } conflict) return conflict;
        return await RenderAsync(group, baseUrl, ct);
    }

    public async Task<Result<JsonObject>> ReplaceAsync(Guid id, JsonObject body, string? ifMatch, ScimActor actor, string baseUrl, CancellationToken ct)
    {
        var group = await store.FindAsync(id, ct);
        if (group is null) return ScimErrors.NotFound("Group");
        if (!ScimVersion.Matches(ifMatch, ScimVersion.Of(group.UpdatedAt))) return ScimErrors.VersionMismatch;
        var input = Read(body);
        return input.IsSuccess ? await UpdateAsync(group, input.Value, actor, baseUrl, ct) : input.Error;
    }

    public async Task<Result<JsonObject>> PatchAsync(Guid id, JsonObject body, string? ifMatch, ScimActor actor, string baseUrl, CancellationToken ct)
    {
        var group = await store.FindAsync(id, ct);
        if (group is null) return ScimErrors.NotFound("Group");
        if (!ScimVersion.Matches(ifMatch, ScimVersion.Of(group.UpdatedAt))) return ScimErrors.VersionMismatch;
        var patched = Patcher.Apply(await RenderAsync(group, baseUrl, ct), body);
        if (!patched.IsSuccess) return patched.Error;
        var input = Read(patched.Value);
        return input.IsSuccess ? await UpdateAsync(group, input.Value, actor, baseUrl, ct) : input.Error;
    }

    public async Task<Result<Unit>> DeleteAsync(Guid id, string? ifMatch, ScimActor actor, CancellationToken ct)
    {
        var group = await store.FindAsync(id, ct);
        if (group is null) return ScimErrors.NotFound("Group");
        if (!ScimVersion.Matches(ifMatch, ScimVersion.Of(group.UpdatedAt))) return ScimErrors.VersionMismatch;
        // Members of a group that carries roles lose them with it.
        var members = group.Roles is null ? [] : (await store.MembersOfAsync([id], ct))[id].Select(m => m.UserId).ToList();
        store.Remove(group);
        activity.Record(ScimActivityTypes.GroupDeleted, null, actor.Context, details: new { clientId = actor.ClientId, groupId = id, displayName = group.DisplayName });
        var cutOff = await unitOfWork.InTransactionAsync(async token =>
        {
            await unitOfWork.SaveChangesAsync(token);
            return await roleSync.ApplyAsync(members, token);
        }, ct);
        roleSync.Forget(cutOff);
        return Unit.Value;
    }

    private async Task<Result<JsonObject>> UpdateAsync(ScimGroup group, ScimGroupInput input, ScimActor actor, string baseUrl, CancellationToken ct)
    {
        var current = (await store.MembersOfAsync([group.Id], ct))[group.Id].Select(m => m.UserId).ToList();
        group.UpdatedAt = Now();
        if (await ApplyAsync(group, input, current, ct) is { } invalid) return invalid;
        // The membership change is in the row (and so in the scim.group.updated event): receivers need not diff the group.
        activity.Record(ScimActivityTypes.GroupUpdated, null, actor.Context, details: new
        {
            clientId = actor.ClientId, groupId = group.Id, displayName = group.DisplayName,
            membersAdded = MemberChange([.. input.Members.Except(current)]), membersRemoved = MemberChange([.. current.Except(input.Members)]),
        });
        // Only a group that carries roles changes what its joining and leaving members may do.
        IReadOnlyList<Guid> moved = group.Roles is null ? [] : [.. input.Members.Except(current).Concat(current.Except(input.Members))];
        if (await SaveAsync(moved, ct) is { } conflict) return conflict;
        return await RenderAsync(group, baseUrl, ct);
    }

    /// <summary>Name and externalId onto the tracked group; the member difference as inserts and one delete.</summary>
    private async Task<AuthError?> ApplyAsync(ScimGroup group, ScimGroupInput input, IReadOnlyList<Guid> current, CancellationToken ct)
    {
        var normalized = input.DisplayName.ToUpperInvariant();
        if (await store.DisplayNameTakenAsync(normalized, group.Id, ct)) return ScimErrors.Uniqueness("Another group has this displayName");
        var added = input.Members.Except(current).ToList();
        if (added.Count > 0 && (await store.ExistingUsersAsync(added, ct)).Count != added.Count)
            return ScimErrors.InvalidValue("A member's value is not the id of an existing user");
        group.DisplayName = input.DisplayName;
        group.NormalizedDisplayName = normalized;
        group.ExternalId = input.ExternalId;
        store.AddMembers(group.Id, added);
        var removed = current.Except(input.Members).ToList();
        if (removed.Count > 0) await store.RemoveMembersAsync(group.Id, removed, ct);
        return null;
    }

    /// <summary>
    /// A membership change as recorded: the full count and at most <see cref="MaxListedMembers"/> ids, so a group of
    /// thousands provisioned at once does not make an activity row (and webhook payload) of hundreds of kilobytes.
    /// </summary>
    private static object MemberChange(IReadOnlyCollection<Guid> ids) => new { count = ids.Count, ids = ids.Take(MaxListedMembers).ToList() };

    private const int MaxListedMembers = 100;

    private async Task<JsonObject> RenderAsync(ScimGroup group, string baseUrl, CancellationToken ct) =>
        ScimGroupResource.Render(group, (await store.MembersOfAsync([group.Id], ct))[group.Id], baseUrl);

    /// <summary>Saves the group change and, in the same transaction, the group roles of <paramref name="moved"/> members.</summary>
    private async Task<AuthError?> SaveAsync(IReadOnlyList<Guid> moved, CancellationToken ct)
    {
        try
        {
            if (moved.Count == 0)
            {
                await unitOfWork.SaveChangesAsync(ct);
                return null;
            }
            var cutOff = await unitOfWork.InTransactionAsync(async token =>
            {
                await unitOfWork.SaveChangesAsync(token);
                return await roleSync.ApplyAsync(moved, token);
            }, ct);
            roleSync.Forget(cutOff);
            return null;
        }
        catch (UniqueConstraintException)
        {
            return ScimErrors.Uniqueness("Another group has this displayName");
        }
    }

    private static Result<ScimGroupInput> Read(JsonObject body)
    {
        try
        {
            return ScimGroupInput.Read(body);
        }
        catch (ScimInputException ex)
        {
            return ex.Error;
        }
    }

    private DateTime Now() => ScimTime.Now(clock);
}
