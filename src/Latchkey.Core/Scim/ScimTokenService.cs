using Latchkey.Core.Admin;
using Latchkey.Core.Audit;
using Latchkey.Core.Common;
using Latchkey.Core.OAuth;

namespace Latchkey.Core.Scim;

/// <summary>
/// SCIM bearer tokens, configured per OAuth client as the seed says: an administrator (permission
/// <c>clients:manage</c>) creates, lists and revokes them; the token is <c>scim_</c> + 43 alphanumerics (~256 bits),
/// shown once and stored as SHA-256, so the lookup by hash is the constant-time comparison.
/// </summary>
public sealed class ScimTokenService(
    IScimTokenStore tokens, IOAuthClientStore clients, ScimTokenCache cache, AdminAudit audit, IUnitOfWork unitOfWork, TimeProvider clock)
{
    public const string Prefix = "scim_";
    private const int SecretLength = 43;
    public const int MaxTokensPerClient = 10;
    public const int MaxNameLength = 100;

    public static bool LooksLikeToken(string? value) => value is { Length: 48 } && value.StartsWith(Prefix, StringComparison.Ordinal);

    public async Task<Result<(ScimToken Token, string Secret)>> CreateAsync(Guid clientRowId, string? name, AdminActor actor, CancellationToken ct)
    {
        if (await clients.FindByIdsAsync([clientRowId], ct) is not [var client]) return NoClient;
        var trimmed = string.IsNullOrWhiteSpace(name) ? "SCIM token" : name.Trim();
        if (trimmed.Length > MaxNameLength) return AuthError.Field("name", $"Name must be at most {MaxNameLength} characters");
        if (await tokens.CountForClientAsync(clientRowId, ct) >= MaxTokensPerClient)
            return AuthError.Validation($"A client can hold at most {MaxTokensPerClient} SCIM tokens; revoke one first");
        var secret = Prefix + RandomSecrets.Alphanumeric(SecretLength);
        var token = new ScimToken
        {
            Id = Ids.New(),
            ClientRowId = clientRowId,
            Name = trimmed,
            SecretHash = SecretHash.Sha256(secret),
            Prefix = secret[..10],
            CreatedAt = clock.GetUtcNow().UtcDateTime,
            CreatedBy = actor.UserId,
        };
        tokens.Add(token);
        audit.Record(ScimActivityTypes.TokenCreated, actor, null, new { clientId = client.ClientId, tokenId = token.Id, name = trimmed });
        await unitOfWork.SaveChangesAsync(ct);
        return (token, secret);
    }

    public async Task<Result<IReadOnlyList<ScimToken>>> ListAsync(Guid clientRowId, CancellationToken ct) =>
        await clients.FindByIdsAsync([clientRowId], ct) is [_] ? Result<IReadOnlyList<ScimToken>>.Ok(await tokens.ListForClientAsync(clientRowId, ct)) : NoClient;

    public async Task<Result<Unit>> RevokeAsync(Guid clientRowId, Guid tokenId, AdminActor actor, CancellationToken ct)
    {
        var token = await tokens.FindForClientAsync(clientRowId, tokenId, ct);
        if (token is null) return new AuthError(AuthErrorCodes.NotFound, "No such SCIM token for this client");
        tokens.Remove(token);
        audit.Record(ScimActivityTypes.TokenRevoked, actor, null, new { clientRowId, tokenId, name = token.Name });
        await unitOfWork.SaveChangesAsync(ct);
        cache.Forget(token.SecretHash);
        return Unit.Value;
    }

    /// <summary>The client a presented token acts for, or null (unknown token, revoked, or the client is inactive).</summary>
    public async Task<ScimActor?> AuthenticateAsync(string? secret, RequestContext context, CancellationToken ct)
    {
        if (!LooksLikeToken(secret)) return null;
        var hash = SecretHash.Sha256(secret!);
        var key = ScimTokenCache.Key(hash);
        var found = cache.Find(key);
        if (found is null)
        {
            var generation = cache.Generation;
            found = await tokens.FindBySecretHashAsync(hash, ct);
            if (found is null) return null;
            cache.Remember(key, found, generation);
        }
        var now = clock.GetUtcNow().UtcDateTime;
        // Written at most once a minute per node: a provisioning run makes thousands of calls.
        if (found.LastUsedAt is null || now - found.LastUsedAt.Value > TimeSpan.FromMinutes(1))
        {
            await tokens.TouchAsync(found.TokenId, now, ct);
            cache.Touched(key, found, now);
        }
        return new ScimActor(found.TokenId, found.ClientRowId, found.ClientId, context);
    }

    private static readonly AuthError NoClient = new(AuthErrorCodes.NotFound, "No such OAuth client");
}
