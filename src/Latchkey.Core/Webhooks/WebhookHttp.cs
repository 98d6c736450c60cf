using System.Net;
using System.Net.Sockets;

namespace Latchkey.Core.Webhooks;

/// <summary>
/// The HTTP handler webhooks are sent through: it resolves the host itself and connects only to addresses the
/// policy allows, at every new connection (so DNS rebinding after creation is caught), follows no redirect and
/// keeps no cookies.
/// </summary>
public static class WebhookHttp
{
    public const string ClientName = "Latchkey.Webhooks";

    public static SocketsHttpHandler CreateHandler(bool allowPrivateNetworks) => new()
    {
        AllowAutoRedirect = false,
        UseCookies = false,
        UseProxy = false,
        PooledConnectionLifetime = TimeSpan.FromMinutes(2),
        ConnectCallback = (context, ct) => ConnectAsync(context.DnsEndPoint, allowPrivateNetworks, ct),
    };

    private static async ValueTask<Stream> ConnectAsync(DnsEndPoint endpoint, bool allowPrivateNetworks, CancellationToken ct)
    {
        var addresses = IPAddress.TryParse(endpoint.Host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(endpoint.Host, ct);
        var allowed = allowPrivateNetworks ? addresses : addresses.Where(WebhookAddressPolicy.IsPublic).ToArray();
        if (allowed.Length == 0)
            throw new WebhookAddressRefusedException($"{endpoint.Host} resolves to no public address (private, loopback and link-local addresses are refused)");
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(allowed, endpoint.Port, ct);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}

/// <summary>The receiver's address is not one webhooks may reach.</summary>
public sealed class WebhookAddressRefusedException(string message) : IOException(message);
