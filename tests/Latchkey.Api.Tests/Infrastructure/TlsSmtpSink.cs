using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Latchkey.Api.Tests.Infrastructure;

/// <summary>
/// The same aiosmtpd sink as scripts/test.sh starts, but speaking TLS with a self-signed certificate for
/// <c>localhost</c> made here: STARTTLS required (<c>--tlscert</c>) or implicit TLS (<c>--smtpscert</c>).
/// </summary>
public sealed class TlsSmtpSink : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _directory;

    public int Port { get; }
    public string CertificateFile { get; }
    public string Maildir => Path.Combine(_directory, "maildir", "new");

    private TlsSmtpSink(Process process, string directory, int port, string certificateFile) =>
        (_process, _directory, Port, CertificateFile) = (process, directory, port, certificateFile);

    public static async Task<TlsSmtpSink> StartAsync(bool implicitTls)
    {
        var directory = Directory.CreateTempSubdirectory("latchkey-tls-smtp-").FullName;
        var (certificate, key) = WriteSelfSignedCertificate(directory);
        var port = FreePort();
        var start = new ProcessStartInfo("/usr/bin/python3")
        {
            ArgumentList = { "-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{port}", "-c", "aiosmtpd.handlers.Mailbox", Path.Combine(directory, "maildir") },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var arg in implicitTls ? new[] { "--smtpscert", certificate, "--smtpskey", key } : ["--tlscert", certificate, "--tlskey", key])
            start.ArgumentList.Add(arg);
        var process = Process.Start(start)!;
        var sink = new TlsSmtpSink(process, directory, port, certificate);
        await sink.ListeningAsync();
        return sink;
    }

    private async Task ListeningAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline && !_process.HasExited)
            {
                await Task.Delay(100);
            }
        }
    }

    private static (string Certificate, string Key) WriteSelfSignedCertificate(string directory)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
        var (certificateFile, keyFile) = (Path.Combine(directory, "cert.pem"), Path.Combine(directory, "key.pem"));
        File.WriteAllText(certificateFile, certificate.ExportCertificatePem());
        File.WriteAllText(keyFile, key.ExportPkcs8PrivateKeyPem());
        return (certificateFile, keyFile);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
        try { Directory.Delete(_directory, recursive: true); } catch (IOException) { }
    }
}
