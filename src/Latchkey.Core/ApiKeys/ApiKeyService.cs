using Latchkey.Core.Admin;
using Latchkey.Core.Audit;
using Latchkey.Core.Common;
using Latchkey.Core.Sessions;
using Latchkey.Core.Users;

namespace Latchkey.Core.ApiKeys;

/// <summary>Creates, lists and deletes a user's API keys. Creating one is a sensitive operation (step-up).</summary>
public sealed class ApiKeyService(
    IApiKeyStore keys, IUserStore users, RolePermissions permissions, StepUp stepUp, ActivityLog activity, IUnitOfWork unitOfWork, TimeProvider clock)
{
    public const int MaxNameLength = 100;
    public const int MaxKeysPerUser = 50;
    public const string DefaultName = "API key";
    public const int MaxMetadataLength = 4096;

    public Task<Result<(ApiKey Key, string Secret)>> CreateAsync(Guid userId, Guid? sessionId, string? name, RequestContext context, CancellationToken ct) =>
        CreateAsync(userId, sessionId, name, null, null, null, context, ct);

    /// <summary>A key limited to <paramref name="scopes"/> (see <see cref="ApiKeyScopes"/>; null: the owner's full permissions).</summary>
    public Task<Result<(ApiKey Key, string Secret)>> CreateAsync(
        Guid userId, Guid? sessionId, string? name, IReadOnlyList<string?>? scopes, RequestContext context, CancellationToken ct) =>
        CreateAsync(userId, sessionId, name, null, null, scopes, context, ct);

    /// <summary>A key that stops working at <paramref name="expiresAt"/> (in the future), with the owner's metadata and scopes.</summary>
    public async Task<Result<(ApiKey Key, string Secret)>> CreateAsync(
        Guid userId, Guid? sessionId, string? name, DateTime? expiresAt, string? metadataJson, IReadOnlyList<string?>? scopes,
        RequestContext context, CancellationToken ct)
    {
        if (expiresAt is { } expires && expires <= clock.GetUtcNow().UtcDateTime)
            return AuthError.Field("expiresAt", "The expiry must be in the future");
        if (metadataJson is { Length: > MaxMetadataLength })
            return AuthError.Field("metadata", $"Metadata must be at most {MaxMetadataLength} characters");
        // A guest has proven nothing about itself; a long-lived credential would outlive the guest session.
        if (await users.FindByIdAsync(userId, ct) is not { IsAnonymous: false } owner)
            return new AuthError(AuthErrorCodes.AnonymousForbidden, "Anonymous users cannot create keys or tokens");
        var trimmed = string.IsNullOrWhiteSpace(name) ? DefaultName : name.Trim();
        if (trimmed.Length > MaxNameLength || trimmed.Any(char.IsControl))
            return AuthError.Field("name", $"Name must be at most {MaxNameLength} characters without control characters");
        var scoped = ApiKeyScopes.Normalize(scopes, await permissions.ForRolesAsync(owner.Role, owner.GroupRoles, ct));
        if (!scoped.IsSuccess) return scoped.Error;
        if (await keys.CountForUserAsync(userId, ct) >= MaxKeysPerUser)
            return AuthError.Validation($"A user can hold at most {MaxKeysPerUser} API keys; delete one first");
        if (await stepUp.RequireAsync(sessionId, ct) is { } stale) return stale;

        var secret = ApiKeyFormat.NewSecret();
        var key = new ApiKey
        {
            Id = Ids.New(),
            UserId = userId,
            Name = trimmed,
            SecretHash = SecretHash.Sha256(secret),
            Prefix = secret[..12],
            CreatedAt = clock.GetUtcNow().UtcDateTime,
            ExpiresAt = expiresAt,
            Metadata = metadataJson,
            Scopes = scoped.Value,
        };
        keys.Add(key);
        activity.Record(ActivityTypes.ApiKeyCreated, userId, context, details: new { keyId = ApiKeyFormat.PublicId(key.Id), name = key.Name, scopes = ApiKeyScopes.List(key.Scopes) });
        await unitOfWork.SaveChangesAsync(ct);
        return (key, secret);
    }

    public Task<IReadOnlyList<ApiKey>> ListAsync(Guid userId, CancellationToken ct) => keys.ListForUserAsync(userId, ct);

    public async Task<bool> DeleteAsync(Guid userId, string? publicKeyId, RequestContext context, CancellationToken ct)
    {
        if (!ApiKeyFormat.TryParsePublicId(publicKeyId, out var id)) return false;
        var key = await keys.FindForUserAsync(userId, id, ct);
        if (key is null) return false;
        keys.Remove(key);
        activity.Record(ActivityTypes.ApiKeyDeleted, userId, context, details: new { keyId = publicKeyId, name = key.Name });
        await unitOfWork.SaveChangesAsync(ct);
        return true;
    }
}
