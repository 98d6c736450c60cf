using Microsoft.Extensions.Caching.Memory;
using Microsoft.IdentityModel.Tokens;

namespace Latchkey.Core.Social;

/// <summary>
/// Providers' signing keys, cached per JWKS URL. A token signed with a key id we do not hold triggers
/// one refetch (providers rotate keys), at most once a minute per URL so forged key ids cannot make
/// us hammer the provider.
/// </summary>
public sealed class UpstreamJwks(UpstreamHttp http, IMemoryCache cache, TimeProvider clock)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);
    private static readonly TimeSpan MinRefetchInterval = TimeSpan.FromMinutes(1);

    private sealed record Entry(IReadOnlyList<SecurityKey> Keys, DateTimeOffset FetchedAt);

    public async Task<IReadOnlyList<SecurityKey>> GetKeysAsync(string jwksUri, string? kid, CancellationToken ct)
    {
        var key = "social-jwks:" + jwksUri;
        if (cache.TryGetValue(key, out Entry? entry))
        {
            var known = kid is null || entry!.Keys.Any(k => k.KeyId == kid);
            if (known || clock.GetUtcNow() - entry!.FetchedAt < MinRefetchInterval) return entry!.Keys;
        }
        var json = await http.GetJsonAsync(jwksUri, ct);
        IReadOnlyList<SecurityKey> keys;
        try
        {
            keys = new JsonWebKeySet(json.GetRawText()).GetSigningKeys().ToList();
        }
        catch (ArgumentException ex)
        {
            throw new UpstreamUnavailableException($"{jwksUri} is not a JSON Web Key Set.", ex);
        }
        cache.Set(key, new Entry(keys, clock.GetUtcNow()), Lifetime);
        return keys;
    }
}
