using Latchkey.Core.Common;
using Microsoft.Extensions.DependencyInjection;

namespace Latchkey.Core.OAuth;

/// <summary>
/// Resource indicators (RFC 8707) and custom scopes: which API resource a token is for. A token carries
/// the scopes of at most one resource, and its audience is that resource; a token with only standard
/// scopes is for this server (<c>aud</c> = the issuer). So the audience of a grant follows from its scope,
/// and refreshing or redeeming it needs nothing stored beside the scope.
/// </summary>
/// <remarks>
/// The store is resolved only on a catalog miss: most token requests name no resource and only standard
/// scopes, and building a database context for them was the cost the token endpoint avoids elsewhere.
/// </remarks>
public sealed class ResourceIndicators(ApiResourceCatalog catalog, IServiceProvider services)
{
    /// <summary>
    /// Checks a new request (authorize, device, client_credentials). With <paramref name="resource"/>, every
    /// custom scope must be one of that resource's, and when none was asked for, the resource's scopes the
    /// client may use are granted. Without it, the custom scopes must all belong to one resource, which
    /// becomes the audience. The client's own allowed scopes are checked by the caller before this.
    /// </summary>
    public async ValueTask<Result<ResourceScopes>> ResolveAsync(
        OAuthClient client, IReadOnlyList<string> scopes, string? resource, CancellationToken ct)
    {
        if (resource is null && scopes.All(Scopes.IsStandard)) return new ResourceScopes(scopes, null);
        if (resource is not null && !IsIndicator(resource)) return Target("resource must be an absolute URI without a fragment");
        var set = await catalog.GetAsync(services.GetRequiredService<IApiResourceStore>, ct);
        var target = resource is null ? null : set.Find(resource);
        if (resource is not null && target is null) return Target("resource is not a registered API resource");
        foreach (var scope in scopes.Where(s => !Scopes.IsStandard(s)))
        {
            var owner = set.OwnerOf(scope);
            if (owner is null) return new AuthError(AuthErrorCodes.InvalidScope, $"Scope '{scope}' is not offered by any API resource");
            if (target is null) target = owner;
            else if (!ReferenceEquals(owner, target))
                return Target(resource is null
                    ? "The scopes belong to more than one API resource; ask for one resource per token"
                    : $"Scope '{scope}' is not a scope of {target.Identifier}");
        }
        if (resource is not null && !scopes.Any(target!.Offers))
        {
            var allowed = target.Scopes.Select(s => s.Value).Where(client.Scopes.Contains).ToList();
            if (allowed.Count == 0) return Target("This client may not use any scope of this resource");
            scopes = [.. scopes, .. allowed];
        }
        return new ResourceScopes(scopes, target);
    }

    /// <summary>
    /// The audience of a token for an existing grant (code, refresh, device): the resource of its custom
    /// scopes, or null (the issuer). A <paramref name="resource"/> sent with the request must name it.
    /// </summary>
    public async ValueTask<Result<string?>> AudienceAsync(string scope, string? resource, CancellationToken ct)
    {
        var custom = scope.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault(s => !Scopes.IsStandard(s));
        if (custom is null && resource is null) return Result<string?>.Ok(null);
        var audience = custom is null ? null : (await catalog.GetAsync(services.GetRequiredService<IApiResourceStore>, ct)).OwnerOf(custom)?.Identifier;
        if (resource is not null && resource != audience) return Target("resource does not match the API resource this grant is for");
        return Result<string?>.Ok(audience);
    }

    /// <summary>RFC 8707 §2: an absolute URI, no fragment.</summary>
    public static bool IsIndicator(string value) =>
        value.Length <= 200 && Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Fragment.Length == 0 && !value.Contains('#');

    private static AuthError Target(string message) => new(AuthErrorCodes.InvalidTarget, message);
}

/// <summary>The scopes a new grant gets and the API resource it is for (null: this server).</summary>
public sealed record ResourceScopes(IReadOnlyList<string> Scopes, ApiResource? Resource);
