using System.Security.Cryptography;
using Latchkey.Core.Social;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Latchkey.Core.Tests.Social;

public sealed class AppleClientSecretTests
{
    [Fact]
    public async Task Secret_is_an_es256_jwt_from_the_p8_key_with_apples_claims()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var settings = new SocialProviderSettings
        {
            ClientId = "com.example.web", TeamId = "TEAM123456", KeyId = "KEY987", PrivateKey = key.ExportPkcs8PrivateKeyPem(),
        };
        var now = DateTime.UtcNow;

        var secret = AppleClientSecret.Create(settings, now);

        var publicKey = new ECDsaSecurityKey(ECDsa.Create(key.ExportParameters(false)));
        var result = await new JsonWebTokenHandler().ValidateTokenAsync(secret, new TokenValidationParameters
        {
            IssuerSigningKey = publicKey, ValidIssuer = "TEAM123456", ValidAudience = AppleClientSecret.Audience,
            ValidAlgorithms = [SecurityAlgorithms.EcdsaSha256],
        });
        Assert.True(result.IsValid, result.Exception?.Message);
        var jwt = (JsonWebToken)result.SecurityToken;
        Assert.Equal("KEY987", jwt.Kid);
        Assert.Equal("com.example.web", jwt.Subject);
        Assert.True(jwt.ValidTo <= now.AddDays(1).AddSeconds(1));
    }

    [Fact]
    public void A_configured_secret_is_used_as_is()
    {
        var vault = new AppleClientSecret(new Microsoft.Extensions.Caching.Memory.MemoryCache(new Microsoft.Extensions.Caching.Memory.MemoryCacheOptions()), TimeProvider.System);
        Assert.Equal("given", vault.For(new SocialProviderSettings { ClientId = "x", ClientSecret = "given" }));
    }
}
