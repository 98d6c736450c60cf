using System.Text.Json.Nodes;
using Latchkey.Core.Account;
using Latchkey.Core.Audit;
using Latchkey.Core.Common;
using Latchkey.Core.Credentials;
using Latchkey.Core.Users;
using Microsoft.Extensions.Options;

namespace Latchkey.Core.Scim;

/// <summary>
/// SCIM Users (RFC 7644 §3.3-3.6) over Latchkey accounts: the account holds what every surface signs in with, the
/// SCIM profile table the rest. Provisioned accounts get no password unless one is sent (then the password policy
/// applies); they sign in by magic link, social sign-in or a reset. <c>active: false</c> disables the account and
/// ends its sessions and tokens in the same transaction.
/// </summary>
public sealed class ScimUserService(
    IScimUserStore store,
    IUserStore users,
    IAccountProfileStore accountProfiles,
    ScimUserWriter writer,
    ScimAccountCutOff cutOff,
    ActivityLog activity,
    IUnitOfWork unitOfWork,
    IOptions<ScimOptions> options,
    ScimUserTotal totals,
    TimeProvider clock)
{
    private static readonly ScimPatch Patcher = new(ScimSchemas.User, new HashSet<string>([ScimSchemas.EnterpriseUser], StringComparer.OrdinalIgnoreCase),
        new HashSet<string>(["id", "meta", "groups"], StringComparer.OrdinalIgnoreCase));

    public async Task<Result<ScimPage<JsonObject>>> ListAsync(ScimListRequest request, string baseUrl, CancellationToken ct)
    {
        var filter = ScimFilterBinder.ParseAndBind<ScimUserField>(request.Filter, ScimUserFields.Resolve);
        if (!filter.IsSuccess) return filter.Error;
        ScimUserField? sortBy = null;
        if (request.SortBy is { } sort)
        {
            var parsed = ScimFilterParser.ParsePath(sort);
            var field = parsed.IsSuccess && parsed.Value.ValueFilter is null ? ScimUserFields.Resolve(parsed.Value.Attribute) : null;
            if (field is null) return ScimErrors.InvalidValue($"Cannot sort by '{sort}'");
            sortBy = field.Field;
        }
        // An unfiltered list's total is every account: counted by ScimUserTotal, which reuses a large count for a while.
        var unfiltered = filter.Value is null;
        var page = await store.QueryAsync(new ScimQuery<ScimUserField>(filter.Value, sortBy, request.Descending,
            request.StartIndex, Math.Min(request.Count ?? options.Value.MaxResults, options.Value.MaxResults), SkipCount: unfiltered), ct);
        var total = page.TotalResults >= 0 ? page.TotalResults
            : Math.Max(await totals.GetAsync(store, ct), request.StartIndex - 1 + page.Resources.Count);
        return new ScimPage<JsonObject>(total, page.Resources.Select(r => ScimUserResource.Render(r.Record, r.Groups, baseUrl)).ToList());
    }

    public async Task<Result<JsonObject>> GetAsync(Guid id, string baseUrl, CancellationToken ct) =>
        await store.FindAsync(id, ct) is { } record ? await RenderAsync(record, baseUrl, ct) : ScimErrors.NotFound("User");

    public async Task<Result<JsonObject>> CreateAsync(JsonObject body, ScimActor actor, string baseUrl, CancellationToken ct)
    {
        var input = Read(body);
        if (!input.IsSuccess) return input.Error;
        var now = Now();
        var user = new User { Email = input.Value.Email, NormalizedEmail = "", Id = Ids.New(), CreatedAt = now, UpdatedAt = now };
        var blank = new ScimUserRecord(user, null, null);
        var applied = await writer.ApplyAsync(blank, input.Value, now, ct);
        if (!applied.IsSuccess) return applied.Error;
        users.Add(user);
        var record = applied.Value;
        record.Profile!.ClientRowId = actor.ClientRowId;
        AddNew(blank, record);
        activity.Record(ScimActivityTypes.UserCreated, user.Id, actor.Context, details: new { clientId = actor.ClientId, userName = input.Value.UserName });
        if (await SaveAsync(ct) is { } conflict) return conflict;
        return await RenderAsync(record, baseUrl, ct);
    }

    public async Task<Result<JsonObject>> ReplaceAsync(Guid id, JsonObject body, string? ifMatch, ScimActor actor, string baseUrl, CancellationToken ct)
    {
        var record = await store.FindAsync(id, ct);
        if (record is null) return ScimErrors.NotFound("User");
        if (!ScimVersion.Matches(ifMatch, ScimUserResource.Version(record.User.UpdatedAt))) return ScimErrors.VersionMismatch;
        var input = Read(body);
        return input.IsSuccess ? await UpdateAsync(record, input.Value, actor, baseUrl, ct) : input.Error;
    }

    public async Task<Result<JsonObject>> PatchAsync(Guid id, JsonObject body, string? ifMatch, ScimActor actor, string baseUrl, CancellationToken ct)
    {
        var record = await store.FindAsync(id, ct);
        if (record is null) return ScimErrors.NotFound("User");
        if (!ScimVersion.Matches(ifMatch, ScimUserResource.Version(record.User.UpdatedAt))) return ScimErrors.VersionMismatch;
        var current = await RenderAsync(record, baseUrl, ct);
        var patched = Patcher.Apply(current, body);
        if (!patched.IsSuccess) return patched.Error;
        var input = Read(patched.Value);
        return input.IsSuccess ? await UpdateAsync(record, input.Value, actor, baseUrl, ct) : input.Error;
    }

    /// <summary>Deletes the account, or disables it when <see cref="ScimOptions.DeleteMode"/> says so.</summary>
    public async Task<Result<Unit>> DeleteAsync(Guid id, string? ifMatch, ScimActor actor, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(id, ct);
        if (user is null) return ScimErrors.NotFound("User");
        if (!ScimVersion.Matches(ifMatch, ScimUserResource.Version(user.UpdatedAt))) return ScimErrors.VersionMismatch;
        if (await cutOff.GuardAsync(user, ct) is { } refused) return refused;
        var now = Now();
        if (options.Value.DeleteMode == ScimDeleteModes.Deactivate)
        {
            if (user.Disabled) return Unit.Value;
            user.Disabled = true;
            user.UpdatedAt = now;
            await CommitCutOffAsync(user.Id, ScimActivityTypes.UserDeactivated, actor, now, ct);
            return Unit.Value;
        }
        var grants = await cutOff.GrantsAsync(id, now, ct);
        await unitOfWork.InTransactionAsync(async token =>
        {
            activity.Record(ScimActivityTypes.UserDeleted, id, actor.Context, details: new { clientId = actor.ClientId, email = user.Email });
            await cutOff.QueueLogoutsAsync(id, grants, token);
            await unitOfWork.SaveChangesAsync(token);
            await cutOff.DeleteAsync(id, token);
            return Unit.Value;
        }, ct);
        cutOff.Forget(id);
        return Unit.Value;
    }

    private async Task<Result<JsonObject>> UpdateAsync(ScimUserRecord record, ScimUserInput input, ScimActor actor, string baseUrl, CancellationToken ct)
    {
        var user = record.User;
        var wasDisabled = user.Disabled;
        var hadPassword = user.PasswordHash;
        if (!input.Active && !wasDisabled && await cutOff.GuardAsync(user, ct) is { } refused) return refused;
        var now = Now();
        var applied = await writer.ApplyAsync(record, input, now, ct);
        if (!applied.IsSuccess) return applied.Error;
        AddNew(record, applied.Value);
        var cut = (!wasDisabled && user.Disabled) || hadPassword != user.PasswordHash;
        var type = !wasDisabled && user.Disabled ? ScimActivityTypes.UserDeactivated
            : wasDisabled && !user.Disabled ? ScimActivityTypes.UserReactivated
            : ScimActivityTypes.UserUpdated;
        if (cut)
        {
            if (await CommitCutOffAsync(user.Id, type, actor, now, ct) is { } conflict) return conflict;
        }
        else
        {
            activity.Record(type, user.Id, actor.Context, details: new { clientId = actor.ClientId });
            if (await SaveAsync(ct) is { } conflict) return conflict;
        }
        return await RenderAsync(applied.Value, baseUrl, ct);
    }

    /// <summary>Adds the profiles the writer made that <paramref name="before"/> did not have.</summary>
    private void AddNew(ScimUserRecord before, ScimUserRecord after)
    {
        if (before.Profile is null && after.Profile is { } profile) store.AddProfile(profile);
        if (before.Account is null && after.Account is { } account) accountProfiles.Add(account);
    }

    private async Task<AuthError?> CommitCutOffAsync(Guid userId, string type, ScimActor actor, DateTime now, CancellationToken ct)
    {
        try
        {
            await unitOfWork.InTransactionAsync(async token =>
            {
                await cutOff.RevokeAsync(userId, now, token);
                activity.Record(type, userId, actor.Context, details: new { clientId = actor.ClientId });
                await unitOfWork.SaveChangesAsync(token);
                return Unit.Value;
            }, ct);
        }
        catch (UniqueConstraintException)
        {
            return Taken;
        }
        cutOff.Forget(userId);
        return null;
    }

    private async Task<AuthError?> SaveAsync(CancellationToken ct)
    {
        try
        {
            await unitOfWork.SaveChangesAsync(ct);
            return null;
        }
        catch (UniqueConstraintException)
        {
            return Taken;
        }
    }

    private static readonly AuthError Taken = ScimErrors.Uniqueness("Another account already holds this userName, email, phone number or externalId");

    private async Task<JsonObject> RenderAsync(ScimUserRecord record, string baseUrl, CancellationToken ct)
    {
        var groups = await store.GroupsOfAsync([record.User.Id], ct);
        return ScimUserResource.Render(record, groups[record.User.Id], baseUrl);
    }

    private static Result<ScimUserInput> Read(JsonObject body)
    {
        try
        {
            return ScimUserInput.Read(body);
        }
        catch (ScimInputException ex)
        {
            return ex.Error;
        }
    }

    private DateTime Now() => ScimTime.Now(clock);
}

/// <summary>The query parameters of a list or <c>.search</c> request.</summary>
public sealed record ScimListRequest(string? Filter, string? SortBy, bool Descending, int StartIndex, int? Count);
