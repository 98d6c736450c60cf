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
    TimeProvider clock)
{
    private static readonly AuthError NotFound = new(AuthErrorCodes.NotFound, "OAuth client not found");

    public async Task<Result<CreatedClient>> CreateAsync(ClientDraft draft, Guid? ownerUserId, bool firstParty, RequestContext context, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var client = new OAuthClient
        {
            Id = Ids.New(), ClientId = ClientSecrets.NewClientId(), Name = "", TokenEndpointAuthMethod = "",
            OwnerUserId = ownerUserId, FirstParty = firstParty, CreatedAt = now, UpdatedAt = now,
        };
        if (ClientDraftValidator.Apply(draft, client) is { } invalid) return invalid;
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
    public async Task<Result<OAuthClient>> UpdateAsync(
        Guid id, Guid? ownerUserId, ClientDraft draft, bool? firstParty, bool? active, RequestContext context, CancellationToken ct)
    {
        var client = await clients.FindForUpdateAsync(id, ownerUserId, ct);
        if (client is null) return NotFound;
        var method = client.TokenEndpointAuthMethod;
        if (ClientDraftValidator.Apply(draft with { TokenEndpointAuthMethod = draft.TokenEndpointAuthMethod ?? method }, client) is { } invalid)
            return invalid;
        // A secret cannot appear or vanish by editing: changing between secret and no-secret methods needs a new client.
        if ((client.SecretHash is null) != (client.TokenEndpointAuthMethod is ClientAuthMethods.None or ClientAuthMethods.PrivateKeyJwt))
            return new AuthError(AuthErrorCodes.InvalidClientMetadata, "token_endpoint_auth_method cannot change between secret and secret-less methods; create a new client");
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

    public Task<IReadOnlyList<OAuthClient>> ListAsync(Guid? ownerUserId, CancellationToken ct) => clients.ListAsync(ownerUserId, ct);
}
