using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace Latchkey.Core.Tokens;

/// <summary>Creates, exports and loads the asymmetric keys behind <see cref="SigningKey"/> rows.</summary>
internal static class KeyMaterial
{
    public static (AsymmetricAlgorithm Key, byte[] Pkcs8) Generate(string algorithm)
    {
        AsymmetricAlgorithm key = algorithm switch
        {
            SecurityAlgorithms.EcdsaSha256 => ECDsa.Create(ECCurve.NamedCurves.nistP256),
            SecurityAlgorithms.RsaSha256 => RSA.Create(2048),
            _ => throw new ArgumentOutOfRangeException(nameof(algorithm), algorithm, "Unsupported signing algorithm."),
        };
        return (key, key.ExportPkcs8PrivateKey());
    }

    public static SecurityKey Import(string algorithm, string keyId, byte[] pkcs8)
    {
        switch (algorithm)
        {
            case SecurityAlgorithms.EcdsaSha256:
                var ec = ECDsa.Create();
                ec.ImportPkcs8PrivateKey(pkcs8, out _);
                return new ECDsaSecurityKey(ec) { KeyId = keyId };
            case SecurityAlgorithms.RsaSha256:
                var rsa = RSA.Create();
                rsa.ImportPkcs8PrivateKey(pkcs8, out _);
                return new RsaSecurityKey(rsa) { KeyId = keyId };
            default:
                throw new ArgumentOutOfRangeException(nameof(algorithm), algorithm, "Unsupported signing algorithm.");
        }
    }

    /// <summary>The public JWK members of a key, as JWKS publishes them.</summary>
    public static Dictionary<string, string> PublicJwk(SecurityKey key, string algorithm)
    {
        var jwk = new Dictionary<string, string> { ["kid"] = key.KeyId, ["use"] = "sig", ["alg"] = algorithm };
        switch (key)
        {
            case ECDsaSecurityKey ec:
                var p = ec.ECDsa.ExportParameters(false);
                jwk["kty"] = "EC";
                jwk["crv"] = "P-256";
                jwk["x"] = Base64UrlEncoder.Encode(p.Q.X);
                jwk["y"] = Base64UrlEncoder.Encode(p.Q.Y);
                break;
            case RsaSecurityKey rsa:
                var r = rsa.Rsa.ExportParameters(false);
                jwk["kty"] = "RSA";
                jwk["n"] = Base64UrlEncoder.Encode(r.Modulus);
                jwk["e"] = Base64UrlEncoder.Encode(r.Exponent);
                break;
        }
        return jwk;
    }
}
