using System.Security.Cryptography;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Latchkey.Core.Social;

/// <summary>
/// Apple's client secret is a short-lived JWT signed ES256 with the team's .p8 key
/// (iss = team id, sub = services id, aud = https://appleid.apple.com). Made on demand and reused
/// for an hour of its one-day lifetime.
/// </summary>
public sealed class AppleClientSecret(IMemoryCache cache, TimeProvider clock)
{
    public const string Audience = "https://appleid.apple.com";
    private static readonly TimeSpan Lifetime = TimeSpan.FromDays(1);

    public string For(SocialProviderSettings settings)
    {
        if (!string.IsNullOrEmpty(settings.ClientSecret)) return settings.ClientSecret;
        var key = $"apple-secret:{settings.TeamId}:{settings.KeyId}:{settings.ClientId}";
        return cache.GetOrCreate(key, entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromHours(1);
            return Create(settings, clock.GetUtcNow().UtcDateTime);
        })!;
    }

    internal static string Create(SocialProviderSettings settings, DateTime now)
    {
        var pem = settings.PrivateKey is { Length: > 0 } inline ? inline : File.ReadAllText(settings.PrivateKeyFile!);
        using var ecdsa = ECDsa.Create();
        ecdsa.ImportFromPem(pem);
        var signingKey = new ECDsaSecurityKey(ECDsa.Create(ecdsa.ExportParameters(true))) { KeyId = settings.KeyId };
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = settings.TeamId,
            Audience = Audience,
            Subject = new System.Security.Claims.ClaimsIdentity([new("sub", settings.ClientId!)]),
            IssuedAt = now,
            NotBefore = now,
            Expires = now + Lifetime,
            SigningCredentials = new SigningCredentials(signingKey, SecurityAlgorithms.EcdsaSha256),
        });
    }
}
