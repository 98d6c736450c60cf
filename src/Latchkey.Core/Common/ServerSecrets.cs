using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;

namespace Latchkey.Core.Common;

/// <summary>
/// Server-wide random secrets shared by every node through the database. Created on first use
/// (first node wins), then cached for the life of the process: they never change once made.
/// </summary>
public sealed class ServerSecrets(IServiceScopeFactory scopes, IDataProtectionProvider protection, TimeProvider clock)
{
    public const string RefreshSuccessorKey = "refresh-successor-hmac";

    private readonly IDataProtector _protector = protection.CreateProtector("Latchkey.ServerSecrets.v1");
    private readonly ConcurrentDictionary<string, byte[]> _cache = new();

    public byte[] Get(string name) =>
        _cache.TryGetValue(name, out var value)
            ? value
            : throw new InvalidOperationException($"Server secret '{name}' was not loaded at start.");

    public async Task<byte[]> LoadOrCreateAsync(string name, CancellationToken ct)
    {
        if (_cache.TryGetValue(name, out var cached)) return cached;
        await using var scope = scopes.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<IServerSecretStore>();
        var existing = await store.FindAsync(name, ct);
        if (existing is null)
        {
            var fresh = new ServerSecret
            {
                Name = name,
                ProtectedValue = Convert.ToBase64String(_protector.Protect(RandomNumberGenerator.GetBytes(32))),
                CreatedAt = clock.GetUtcNow().UtcDateTime,
            };
            existing = await store.TryAddAsync(fresh, ct) ? fresh : await store.FindAsync(name, ct);
        }
        var bytes = _protector.Unprotect(Convert.FromBase64String(existing!.ProtectedValue));
        return _cache.GetOrAdd(name, bytes);
    }
}
