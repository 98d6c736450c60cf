using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Microsoft.Extensions.DependencyInjection;

namespace Latchkey.Data.KeyRing;

/// <summary>
/// Opens what <see cref="AesGcmXmlEncryptor"/> sealed, with whichever configured key (current or previous) the element
/// names. Data Protection creates it by the type name stored in each element (through the constructor taking the
/// service provider), so this type's name and namespace must never change.
/// </summary>
public sealed class AesGcmXmlDecryptor(IServiceProvider services) : IXmlDecryptor
{
    public XElement Decrypt(XElement encryptedElement)
    {
        var keyId = encryptedElement.Attribute(AesGcmXmlEncryptor.KeyIdAttribute)?.Value
            ?? throw new CryptographicException("A key-ring element has no wrappingKeyId.");
        var key = services.GetRequiredService<WrappingKeySet>().Find(keyId)
            ?? throw new CryptographicException($"The Data Protection key ring is encrypted with wrapping key {keyId}, which is not configured "
                + $"(set it as {WrappingKeyOptions.Section}:WrappingKey, or as one of PreviousWrappingKeys while rotating).");
        var sealedBytes = Convert.FromBase64String(encryptedElement.Element(AesGcmXmlEncryptor.ValueName)?.Value
            ?? throw new CryptographicException("A key-ring element has no value."));
        var length = sealedBytes.Length - AesGcmXmlEncryptor.NonceSize - AesGcmXmlEncryptor.TagSize;
        if (length < 0) throw new CryptographicException("A key-ring element is truncated.");
        var plaintext = new byte[length];
        try
        {
            using var aes = new AesGcm(key.Material, AesGcmXmlEncryptor.TagSize);
            aes.Decrypt(sealedBytes.AsSpan(0, AesGcmXmlEncryptor.NonceSize), sealedBytes.AsSpan(AesGcmXmlEncryptor.NonceSize, length),
                sealedBytes.AsSpan(AesGcmXmlEncryptor.NonceSize + length), plaintext, AesGcmXmlEncryptor.AssociatedData(keyId));
            return XElement.Parse(Encoding.UTF8.GetString(plaintext));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plaintext);
        }
    }
}
