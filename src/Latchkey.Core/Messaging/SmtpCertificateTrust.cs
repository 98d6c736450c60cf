using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Options;

namespace Latchkey.Core.Messaging;

/// <summary>
/// Decides whether the SMTP server's certificate is trusted: by the system's store as usual, or, when
/// <c>Latchkey:Email:Smtp:TrustedCertificateFile</c> names a PEM file (a private CA, or the server's own self-signed
/// certificate), by that certificate as the only extra root. The host name must match either way.
/// </summary>
public sealed class SmtpCertificateTrust(IOptions<EmailOptions> options)
{
    private readonly Lazy<X509Certificate2Collection?> _roots = new(() =>
        options.Value.Smtp.TrustedCertificateFile is { Length: > 0 } file ? Load(file) : null);

    public bool Validate(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        if (errors == SslPolicyErrors.None) return true;
        if (_roots.Value is not { } roots || certificate is null || errors.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch)) return false;
        using var custom = new X509Chain();
        custom.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        custom.ChainPolicy.CustomTrustStore.AddRange(roots);
        custom.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        using var presented = new X509Certificate2(certificate);
        return custom.Build(presented);
    }

    private static X509Certificate2Collection Load(string file)
    {
        var collection = new X509Certificate2Collection();
        collection.ImportFromPemFile(file);
        return collection;
    }
}
