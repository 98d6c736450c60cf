using System.Net.Mail;
using MailKit;
using MailKit.Net.Smtp;
using SmtpClient = MailKit.Net.Smtp.SmtpClient;
using MailKit.Security;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Latchkey.Core.Messaging;

/// <summary>
/// Delivers through an SMTP server with MailKit (System.Net.Mail's authors no longer recommend it). One connection is
/// kept and reused by the dispatcher's sends, one at a time; a connection the server closed while idle is reopened
/// once before the send counts as failed (the outbox then retries with its backoff, as before).
/// <c>starttls</c> refuses to send unless the connection is upgraded, so credentials never cross in clear;
/// <c>tls</c> is implicit TLS (port 465).
/// </summary>
public sealed class SmtpEmailTransport(IOptions<EmailOptions> options, SmtpCertificateTrust trust, ILogger<SmtpEmailTransport> logger)
    : IEmailTransport, IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private SmtpClient? _client;

    public async Task SendAsync(MailMessage message, string template, string? link, CancellationToken ct)
    {
        using var mime = MimeMessage.CreateFromMailMessage(message);
        await _gate.WaitAsync(ct);
        try
        {
            var reused = _client is { IsConnected: true };
            try
            {
                await SendOnceAsync(mime, ct);
            }
            catch (Exception ex) when (reused && ex is ServiceNotConnectedException or IOException or SmtpProtocolException)
            {
                logger.LogDebug(ex, "The kept SMTP connection was closed by the server; reconnecting");
                await DropAsync();
                await SendOnceAsync(mime, ct);
            }
        }
        catch
        {
            // A connection in an unknown state (half-sent message, timeout) is not reused.
            await DropAsync();
            throw;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task SendOnceAsync(MimeMessage message, CancellationToken ct)
    {
        var client = await ConnectedAsync(ct);
        await client.SendAsync(message, ct);
    }

    private async Task<SmtpClient> ConnectedAsync(CancellationToken ct)
    {
        if (_client is { IsConnected: true } open) return open;
        var smtp = options.Value.Smtp;
        var client = new SmtpClient { Timeout = smtp.TimeoutSeconds * 1000, ServerCertificateValidationCallback = trust.Validate };
        try
        {
            await client.ConnectAsync(smtp.Host ?? "", smtp.Port, SocketOptions(smtp.Security), ct);
            if (!string.IsNullOrEmpty(smtp.Username)) await client.AuthenticateAsync(smtp.Username, smtp.Password ?? "", ct);
        }
        catch
        {
            client.Dispose();
            throw;
        }
        _client = client;
        return client;
    }

    private static SecureSocketOptions SocketOptions(string security) => security switch
    {
        SmtpSettings.Tls => SecureSocketOptions.SslOnConnect,
        SmtpSettings.StartTls => SecureSocketOptions.StartTls,
        SmtpSettings.StartTlsWhenAvailable => SecureSocketOptions.StartTlsWhenAvailable,
        _ => SecureSocketOptions.None,
    };

    private async Task DropAsync()
    {
        if (_client is not { } client) return;
        _client = null;
        try
        {
            if (client.IsConnected) await client.DisconnectAsync(quit: false);
        }
        catch (Exception ex) when (ex is IOException or MailKit.ProtocolException or OperationCanceledException)
        {
            // Already broken; nothing to close politely.
        }
        client.Dispose();
    }

    public void Dispose()
    {
        _client?.Dispose();
        _gate.Dispose();
    }
}
