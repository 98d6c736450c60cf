using Latchkey.Core.Audit;
using Latchkey.Core.Common;
using Latchkey.Core.Users;

namespace Latchkey.Core.Social;

/// <summary>One configured provider as the account page shows it.</summary>
public sealed record ConnectedService(string Provider, string DisplayName, bool Connected, string? Email, DateTime? ConnectedAt, DateTime? LastSignInAt);

/// <summary>Lists a user's connections per enabled provider and disconnects them, never the last way to sign in.</summary>
public sealed class ConnectedServicesService(
    SocialProviderRegistry providers,
    IUserIdentityStore identities,
    IUserStore users,
    ActivityLog activity,
    IUnitOfWork unitOfWork)
{
    public async Task<IReadOnlyList<ConnectedService>> ListAsync(Guid userId, CancellationToken ct)
    {
        var linked = await identities.ListForUserAsync(userId, ct);
        var names = providers.EnabledNames;
        var rows = names.Select(name => Row(name, linked.FirstOrDefault(i => i.Provider == name))).ToList();
        // Identities of providers since disabled still show, so the user can see (and remove) them.
        rows.AddRange(linked.Where(i => !names.Contains(i.Provider)).Select(i => Row(i.Provider, i)));
        return rows;
    }

    public async Task<Result<Unit>> DisconnectAsync(Guid userId, string provider, RequestContext context, CancellationToken ct)
    {
        var linked = await identities.ListForUserAsync(userId, ct);
        var identity = linked.FirstOrDefault(i => string.Equals(i.Provider, provider, StringComparison.OrdinalIgnoreCase));
        if (identity is null) return new AuthError(AuthErrorCodes.NotFound, "This provider is not connected");
        var user = await users.FindByIdAsync(userId, ct);
        if (user is null) return new AuthError(AuthErrorCodes.Unauthenticated, "Authentication required");
        if (user.PasswordHash is null && linked.Count == 1)
            return new AuthError(AuthErrorCodes.LastSignInMethod, "This is your only way to sign in; set a password or connect another provider first");

        identities.Remove(identity);
        activity.Record(ActivityTypes.SocialDisconnected, userId, context, details: new { provider = identity.Provider });
        await unitOfWork.SaveChangesAsync(ct);
        return Unit.Value;
    }

    private static ConnectedService Row(string name, UserIdentity? identity) => new(
        name,
        ProviderCatalog.BuiltIn.TryGetValue(name, out var d) ? d.DisplayName : name,
        identity is not null,
        identity?.Email,
        identity?.CreatedAt,
        identity?.LastSignInAt);
}
