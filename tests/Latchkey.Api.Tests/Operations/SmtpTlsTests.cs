using Latchkey.Api.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace Latchkey.Api.Tests.Operations;

/// <summary>A server sending through the TLS sink: STARTTLS or implicit TLS, trusting the sink's certificate by configuration.</summary>
public abstract class TlsSmtpServer(bool implicitTls, bool trustCertificate) : LatchkeyServer
{
    public TlsSmtpSink Sink { get; private set; } = null!;

    protected override async ValueTask BeforeStartAsync() => Sink = await TlsSmtpSink.StartAsync(implicitTls);

    protected override ValueTask AfterStopAsync() => Sink.DisposeAsync();

    protected override void Configure(IDictionary<string, string?> settings)
    {
        settings["Latchkey:Email:Mode"] = "smtp";
        // The certificate names localhost: the name is checked too.
        settings["Latchkey:Email:Smtp:Host"] = "localhost";
        settings["Latchkey:Email:Smtp:Port"] = Sink.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        settings["Latchkey:Email:Smtp:Security"] = implicitTls ? "tls" : "starttls";
        if (trustCertificate) settings["Latchkey:Email:Smtp:TrustedCertificateFile"] = Sink.CertificateFile;
        settings["Latchkey:Email:From"] = "accounts@latchkey.test";
    }
}

public sealed class StartTlsSmtpServer() : TlsSmtpServer(implicitTls: false, trustCertificate: true);

public sealed class ImplicitTlsSmtpServer() : TlsSmtpServer(implicitTls: true, trustCertificate: true);

public sealed class UntrustedTlsSmtpServer() : TlsSmtpServer(implicitTls: false, trustCertificate: false);

public sealed class StartTlsDeliveryTests(StartTlsSmtpServer server) : IClassFixture<StartTlsSmtpServer>
{
    [Fact]
    public async Task Mail_goes_out_over_STARTTLS_and_the_connection_is_reused()
    {
        var client = server.CreateClient();
        var (first, second) = (await client.RegisterAsync(), await client.RegisterAsync());
        Assert.Contains("verify", (await Mailboxes.LatestAsync(server.Sink.Maildir, first)).Link, StringComparison.OrdinalIgnoreCase);
        await Mailboxes.LatestAsync(server.Sink.Maildir, second);
    }
}

public sealed class ImplicitTlsDeliveryTests(ImplicitTlsSmtpServer server) : IClassFixture<ImplicitTlsSmtpServer>
{
    [Fact]
    public async Task Mail_goes_out_over_implicit_TLS()
    {
        var email = await server.CreateClient().RegisterAsync();
        await Mailboxes.LatestAsync(server.Sink.Maildir, email);
    }
}

public sealed class UntrustedCertificateTests(UntrustedTlsSmtpServer server) : IClassFixture<UntrustedTlsSmtpServer>
{
    [Fact]
    public async Task A_certificate_nobody_trusts_stops_delivery_and_the_outbox_keeps_the_message()
    {
        var email = await server.CreateClient().RegisterAsync();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        string? error = null;
        while (error is null && DateTime.UtcNow < deadline)
        {
            error = await server.QueryAsync(db => db.OutgoingMessages.Where(m => m.Recipient == email && m.LastError != null)
                .Select(m => m.LastError).FirstOrDefaultAsync());
            if (error is null) await Task.Delay(100);
        }
        Assert.NotNull(error);
        Assert.Empty(Mailboxes.Read(server.Sink.Maildir, email));
    }
}
