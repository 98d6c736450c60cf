using Latchkey.Core.Audit;
using Latchkey.Core.Common;
using Latchkey.Core.Sessions;
using Microsoft.Extensions.Options;

namespace Latchkey.Core.OAuth;

/// <summary>
/// Creates, changes and removes OAuth clients for the developer console (owner-scoped, at most
/// <see cref="OAuthOptions.MaxClientsPerUser"/>), the admin console and dynamic registration.
/// </summary>
public sealed class OAuthClientService(
    IOAuthClientStore clients,
    ISessionStore sessions,
    ActivityLog activity,
    IUnitOfWork unitOfWork,
    IOptions<OAuthOptions> options,
    OAuthClientCache cache,
    ApiResourceCatalog resources,
    IApiResourceStore resourceStore,
    TimeProvider clock)
{
    private static readonly AuthError NotFound = new(AuthErrorCodes.NotFound, "OAuth client not found");

    public async Task<Result<CreatedClient>> CreateAsync(
        ClientDraft draft, Guid? ownerUserId, bool firstParty, ClientFieldNames names, RequestContext context, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var client = new OAuthClient
        {
            Id = Ids.New(), ClientId = ClientSecrets.NewClientId(), Name = "", TokenEndpointAuthMethod = "",
            OwnerUserId = ownerUserId, FirstParty = firstParty, CreatedAt = now, UpdatedAt = now,
        };
        if (ClientDraftValidator.Apply(draft, client, await CustomScopesAsync(ct), names) is { } invalid) return invalid;
        if (ownerUserId is { } owner && await clients.CountForOwnerAsync(owner, ct) >= options.Value.MaxClientsPerUser)
            return new AuthError(AuthErrorCodes.LimitReached, $"You can have at most {options.Value.MaxClientsPerUser} OAuth clients");

        string? secret = null;
        if (!client.IsPublic && client.TokenEndpointAuthMethod != ClientAuthMethods.PrivateKeyJwt)
        {
            secret = ClientSecrets.NewSecret();
            client.SecretHash = SecretHash.Sha256(secret);
        }
        clients.Add(client);
        activity.Record(ActivityTypes.OAuthClientCreated, ownerUserId, context, details: new { clientId = client.ClientId, firstParty });
        await unitOfWork.SaveChangesAsync(ct);
        return new CreatedClient(client, secret);
    }

    /// <summary>Updates metadata; the admin (null owner) may also set the first-party and active flags.</summary>
    /// <param name="partial">PATCH: fields left null keep their value; otherwise (PUT) they take their defaults.</param>
    public async Task<Result<OAuthClient>> UpdateAsync(
        Guid id, Guid? ownerUserId, ClientDraft draft, bool partial, bool? firstParty, bool? active, ClientFieldNames names,
        RequestContext context, CancellationToken ct)
    {
        var client = await clients.FindForUpdateAsync(id, ownerUserId, ct);
        if (client is null) return NotFound;
        var method = client.TokenEndpointAuthMethod;
        var merged = partial ? draft.Over(client) : draft with { TokenEndpointAuthMethod = draft.TokenEndpointAuthMethod ?? method };
        if (ClientDraftValidator.Apply(merged, client, await CustomScopesAsync(ct), names) is { } invalid)
            return invalid;
        // A secret cannot appear or vanish by editing: changing between secret and no-secret methods needs a new client.
        if ((client.SecretHash is null) != (client.TokenEndpointAuthMethod is ClientAuthMethods.None or ClientAuthMethods.PrivateKeyJwt))
            return new AuthError(AuthErrorCodes.InvalidClientMetadata,
                $"{names.TokenEndpointAuthMethod} cannot change between secret and secret-less methods; create a new client");
        if (firstParty is { } fp) client.FirstParty = fp;
        if (active is { } a) client.Active = a;
        client.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        activity.Record(ActivityTypes.OAuthClientUpdated, ownerUserId, context, details: new { clientId = client.ClientId, client.Active, client.FirstParty });
        await unitOfWork.SaveChangesAsync(ct);
        cache.Forget(client.ClientId);
        return client;
    }

    /// <summary>Removes a client; its codes, consents and device requests go with it, and its grants are revoked.</summary>
    public async Task<Result<Unit>> DeleteAsync(Guid id, Guid? ownerUserId, RequestContext context, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var client = await clients.FindForUpdateAsync(id, ownerUserId, ct);
        if (client is null) return NotFound;
        // The transaction starts with its write, so SQLite takes the write lock at once instead of
        // upgrading a read lock (which fails fast under contention).
        await unitOfWork.InTransactionAsync(async token =>
        {
            await sessions.RevokeClientGrantsAsync(null, client.Id, now, RevokeReasons.ClientRemoved, token);
            clients.Remove(client);
            activity.Record(ActivityTypes.OAuthClientDeleted, ownerUserId, context, details: new { clientId = client.ClientId });
            await unitOfWork.SaveChangesAsync(token);
            return Unit.Value;
        }, ct);
        cache.Forget(client.ClientId);
        return Unit.Value;
    }

    /// <summary>
    /// A new secret for a confidential client, shown once. The old one keeps working for
    /// <see cref="OAuthOptions.SecretRotationGracePeriod"/>; a secret older than that stops at once.
    /// </summary>
    public async Task<Result<RotatedSecret>> RotateSecretAsync(Guid id, Guid? ownerUserId, RequestContext context, CancellationToken ct)
    {
        var client = await clients.FindForUpdateAsync(id, ownerUserId, ct);
        if (client is null) return NotFound;
        if (client.SecretHash is null)
            return new AuthError(AuthErrorCodes.InvalidRequest, $"This client has no secret to rotate (it uses {client.TokenEndpointAuthMethod})");
        var now = clock.GetUtcNow().UtcDateTime;
        var grace = options.Value.SecretRotationGracePeriod;
        var secret = ClientSecrets.NewSecret();
        client.PreviousSecretHash = grace > TimeSpan.Zero ? client.SecretHash : null;
        client.PreviousSecretExpiresAt = grace > TimeSpan.Zero ? now + grace : null;
        client.SecretHash = SecretHash.Sha256(secret);
        client.UpdatedAt = now;
        activity.Record(ActivityTypes.OAuthClientSecretRotated, ownerUserId, context,
            details: new { clientId = client.ClientId, previousValidUntil = client.PreviousSecretExpiresAt });
        await unitOfWork.SaveChangesAsync(ct);
        cache.Forget(client.ClientId);
        return new RotatedSecret(client, secret, client.PreviousSecretExpiresAt);
    }

    private async Task<ISet<string>> CustomScopesAsync(CancellationToken ct) =>
        (await resources.GetAsync(resourceStore, ct)).CustomScopes.ToHashSet(StringComparer.Ordinal);

    public Task<IReadOnlyList<OAuthClient>> ListAsync(Guid? ownerUserId, CancellationToken ct) => clients.ListAsync(ownerUserId, ct);
}
