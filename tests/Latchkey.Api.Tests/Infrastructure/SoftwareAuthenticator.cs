using System.Buffers.Binary;
using System.Buffers.Text;
using System.Formats.Cbor;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Latchkey.Api.Tests.Infrastructure;

/// <summary>
/// A minimal WebAuthn authenticator in code (ES256, "none" attestation, user verified), so the API
/// tests can run whole passkey ceremonies on both databases. It answers options exactly as a browser
/// would, in the JSON form of <c>PublicKeyCredential.toJSON()</c>.
/// </summary>
public sealed class SoftwareAuthenticator(string rpId = "latchkey.test", string origin = "http://latchkey.test") : IDisposable
{
    private readonly ECDsa _key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    /// <summary>The user handle from the last creation options (set by hand to impersonate another authenticator).</summary>
    public byte[] UserHandle { get; set; } = [];

    /// <summary>Random per authenticator; set it to another's id to sign for that credential with this key.</summary>
    public byte[] CredentialId { get; init; } = RandomNumberGenerator.GetBytes(16);
    public string CredentialIdText => Base64Url.EncodeToString(CredentialId);
    public uint Counter { get; set; }
    public string Origin { get; set; } = origin;

    public object Create(JsonElement options)
    {
        UserHandle = Base64Url.DecodeFromChars(options.GetProperty("user").GetProperty("id").GetString());
        var clientData = ClientData("webauthn.create", options);
        var authData = AuthenticatorData(0x45, attested: true); // UP | UV | AT
        var attestation = new CborWriter();
        attestation.WriteStartMap(3);
        attestation.WriteTextString("fmt");
        attestation.WriteTextString("none");
        attestation.WriteTextString("attStmt");
        attestation.WriteStartMap(0);
        attestation.WriteEndMap();
        attestation.WriteTextString("authData");
        attestation.WriteByteString(authData);
        attestation.WriteEndMap();
        return Credential(new
        {
            clientDataJSON = Base64Url.EncodeToString(clientData),
            attestationObject = Base64Url.EncodeToString(attestation.Encode()),
            transports = new[] { "internal" },
        });
    }

    public object Get(JsonElement options)
    {
        Counter++;
        var clientData = ClientData("webauthn.get", options);
        var authData = AuthenticatorData(0x05, attested: false); // UP | UV
        var signature = _key.SignData([.. authData, .. SHA256.HashData(clientData)], HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
        return Credential(new
        {
            clientDataJSON = Base64Url.EncodeToString(clientData),
            authenticatorData = Base64Url.EncodeToString(authData),
            signature = Base64Url.EncodeToString(signature),
            userHandle = Base64Url.EncodeToString(UserHandle),
        });
    }

    private object Credential(object response) => new
    {
        id = CredentialIdText,
        rawId = CredentialIdText,
        type = "public-key",
        authenticatorAttachment = "platform",
        clientExtensionResults = new { },
        response,
    };

    private byte[] ClientData(string type, JsonElement options) => Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new
    {
        type,
        challenge = options.GetProperty("challenge").GetString(),
        origin = Origin,
        crossOrigin = false,
    }));

    private byte[] AuthenticatorData(byte flags, bool attested)
    {
        var data = new List<byte>(SHA256.HashData(Encoding.UTF8.GetBytes(rpId))) { flags };
        var counter = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(counter, Counter);
        data.AddRange(counter);
        if (!attested) return [.. data];
        data.AddRange(new byte[16]); // AAGUID: none
        data.Add((byte)(CredentialId.Length >> 8));
        data.Add((byte)CredentialId.Length);
        data.AddRange(CredentialId);
        data.AddRange(CosePublicKey());
        return [.. data];
    }

    private byte[] CosePublicKey()
    {
        var point = _key.ExportParameters(false).Q;
        var cose = new CborWriter(CborConformanceMode.Ctap2Canonical);
        cose.WriteStartMap(5);
        cose.WriteInt32(1); cose.WriteInt32(2);      // kty: EC2
        cose.WriteInt32(3); cose.WriteInt32(-7);     // alg: ES256
        cose.WriteInt32(-1); cose.WriteInt32(1);     // crv: P-256
        cose.WriteInt32(-2); cose.WriteByteString(point.X!);
        cose.WriteInt32(-3); cose.WriteByteString(point.Y!);
        cose.WriteEndMap();
        return cose.Encode();
    }

    public void Dispose() => _key.Dispose();
}
