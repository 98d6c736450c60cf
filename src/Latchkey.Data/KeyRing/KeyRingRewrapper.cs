using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;

namespace Latchkey.Data.KeyRing;

/// <summary>
/// <c>latchkey keys rewrap</c>: brings every stored key-ring element under the current wrapping key. Elements stored in
/// clear (before a wrapping key was configured) are encrypted; elements under a previous key are opened and sealed
/// again. The master keys inside do not change, so everything they protect (signing keys, TOTP and webhook
/// secrets, cookies) stays readable. One transaction: on any failure nothing is written.
/// </summary>
public sealed class KeyRingRewrapper(LatchkeyDbContext db, WrappingKeySet keys, IServiceProvider services)
{
    // Data Protection's own names (Microsoft.AspNetCore.DataProtection XmlConstants): the wrapper it puts around an
    // encrypted element, the attribute naming the decryptor, and the mark on an element that must be encrypted.
    private static readonly XNamespace DataProtection = "http://schemas.asp.net/2015/03/dataProtection";
    private static readonly XName EncryptedSecret = DataProtection + "encryptedSecret";
    private static readonly XName RequiresEncryption = DataProtection + "requiresEncryption";
    private const string DecryptorTypeAttribute = "decryptorType";

    public sealed record Outcome(int Encrypted, int Rewrapped, int AlreadyCurrent, int Foreign);

    public async Task<Outcome> RewrapAsync(CancellationToken ct)
    {
        var current = keys.Current ?? throw new WrappingKeyException(
            $"No wrapping key is configured: set {WrappingKeyOptions.Section}:WrappingKey (or WrappingKeyFile) first.");
        var encryptor = new AesGcmXmlEncryptor(current);
        var decryptor = new AesGcmXmlDecryptor(services);
        int encrypted = 0, rewrapped = 0, alreadyCurrent = 0, foreign = 0;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        foreach (var row in await db.DataProtectionKeys.OrderBy(k => k.Id).ToListAsync(ct))
        {
            var root = XElement.Parse(row.Xml);
            var changed = false;
            foreach (var secret in root.DescendantsAndSelf(EncryptedSecret).ToList())
            {
                var inner = secret.Elements().SingleOrDefault();
                if (inner?.Name != AesGcmXmlEncryptor.EncryptedKeyName)
                {
                    // Encrypted by another mechanism (a certificate, DPAPI): not ours to open, left as it is.
                    foreign++;
                    continue;
                }
                if (inner.Attribute(AesGcmXmlEncryptor.KeyIdAttribute)?.Value == current.Id)
                {
                    alreadyCurrent++;
                    continue;
                }
                secret.ReplaceWith(Seal(encryptor, decryptor.Decrypt(inner)));
                rewrapped++;
                changed = true;
            }
            foreach (var clear in root.DescendantsAndSelf().Where(e => (bool?)e.Attribute(RequiresEncryption) == true).ToList())
            {
                clear.ReplaceWith(Seal(encryptor, clear));
                encrypted++;
                changed = true;
            }
            if (changed) row.Xml = root.ToString(SaveOptions.DisableFormatting);
        }
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new Outcome(encrypted, rewrapped, alreadyCurrent, foreign);
    }

    /// <summary>The same wrapper Data Protection writes when it encrypts an element itself, so it reads ours alike.</summary>
    private static XElement Seal(AesGcmXmlEncryptor encryptor, XElement plaintext)
    {
        var info = encryptor.Encrypt(plaintext);
        return new XElement(EncryptedSecret, new XAttribute(DecryptorTypeAttribute, info.DecryptorType.AssemblyQualifiedName!), info.EncryptedElement);
    }
}
