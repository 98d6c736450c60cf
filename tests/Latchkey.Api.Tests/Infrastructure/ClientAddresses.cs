using System.Net;
using System.Net.Sockets;

namespace Latchkey.Api.Tests.Infrastructure;

/// <summary>
/// Clients that connect from another loopback address (Linux routes all of 127.0.0.0/8 to lo), so the
/// server sees distinct client IPs for real, without believing any forwarded header.
/// </summary>
public static class ClientAddresses
{
    public static HttpClient CreateClientFrom(this LatchkeyServer server, string localAddress)
    {
        var local = IPAddress.Parse(localAddress);
        var jar = new CookieContainer();
        var handler = new SocketsHttpHandler
        {
            CookieContainer = jar, UseCookies = true, AllowAutoRedirect = false,
            ConnectCallback = async (context, ct) =>
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    socket.Bind(new IPEndPoint(local, 0));
                    await socket.ConnectAsync(context.DnsEndPoint, ct);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        var client = new HttpClient(handler) { BaseAddress = server.BaseAddress };
        Cookies.Remember(client, jar);
        return client;
    }
}
