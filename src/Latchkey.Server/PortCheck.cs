using System.Net;
using System.Net.Sockets;
using Latchkey.Core.Common;

namespace Latchkey.Server;

/// <summary>
/// Tries the configured listening addresses before anything else starts: a busy port is then one clear line,
/// before migrations run, rather than Kestrel's failure after the host started its services.
/// </summary>
internal static class PortCheck
{
    public static void EnsureFree(IConfiguration configuration)
    {
        foreach (var url in (configuration["urls"] ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!Uri.TryCreate(url.Replace("://*", "://0.0.0.0").Replace("://+", "://0.0.0.0"), UriKind.Absolute, out var uri) || uri.Port == 0) continue;
            var address = uri.Host == "localhost" ? IPAddress.Loopback : IPAddress.TryParse(uri.Host, out var ip) ? ip : null;
            if (address is null) continue;
            using var listener = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
            try
            {
                listener.Bind(new IPEndPoint(address, uri.Port));
            }
            catch (SocketException e) when (e.SocketErrorCode == SocketError.AddressAlreadyInUse)
            {
                throw new ConfigurationException($"Port {uri.Port} is already in use ({url}): stop the process that listens there, or choose another address with --urls (e.g. --urls http://localhost:{uri.Port + 1}).");
            }
        }
    }
}
