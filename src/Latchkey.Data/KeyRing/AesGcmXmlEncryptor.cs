using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;

namespace Latchkey.Data.KeyRing;

/// <summary>
/// Encrypts a key-ring element (a Data Protection master key) with the operator's wrapping key, AES-256-GCM from the
/// platform: <c>&lt;encryptedKey wrappingKeyId="…"&gt;&lt;value&gt;base64(nonce ‖ ciphertext ‖ tag)&lt;/value&gt;&lt;/encryptedKey&gt;</c>.
/// The key identifier is bound as associated data, so an element cannot be relabelled to another key.
/// </summary>
public sealed class AesGcmXmlEncryptor(WrappingKey key) : IXmlEncryptor
{
    internal static readonly XNamespace Namespace = "urn:latchkey:data-protection:wrapping";
    internal static readonly XName EncryptedKeyName = Namespace + "encryptedKey";
    internal static readonly XName ValueName = Namespace + "value";
    internal const string KeyIdAttribute = "wrappingKeyId";
    internal const int NonceSize = 12;
    internal const int TagSize = 16;

    public string KeyId => key.Id;

    public EncryptedXmlInfo Encrypt(XElement plaintextElement)
    {
        var plaintext = Encoding.UTF8.GetBytes(plaintextElement.ToString(SaveOptions.DisableFormatting));
        var sealedBytes = new byte[NonceSize + plaintext.Length + TagSize];
        var nonce = sealedBytes.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using (var aes = new AesGcm(key.Material, TagSize))
            aes.Encrypt(nonce, plaintext, sealedBytes.AsSpan(NonceSize, plaintext.Length), sealedBytes.AsSpan(NonceSize + plaintext.Length), AssociatedData(key.Id));
        CryptographicOperations.ZeroMemory(plaintext);
        var element = new XElement(EncryptedKeyName,
            new XAttribute(KeyIdAttribute, key.Id),
            new XComment(" The Data Protection master key, encrypted with Latchkey:DataProtection:WrappingKey (AES-256-GCM). "),
            new XElement(ValueName, Convert.ToBase64String(sealedBytes)));
        return new EncryptedXmlInfo(element, typeof(AesGcmXmlDecryptor));
    }

    internal static byte[] AssociatedData(string keyId) => Encoding.ASCII.GetBytes("Latchkey key ring v1 " + keyId);
}
