using System.Net;
using System.Net.Sockets;

namespace Latchkey.Core.Webhooks;

/// <summary>
/// Which addresses a webhook may reach: public unicast only, unless private networks are allowed. Keeps an
/// administrator (or a stolen admin session) from aiming the server at its own network (SSRF).
/// </summary>
public static class WebhookAddressPolicy
{
    public static bool IsPublic(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (IPAddress.IsLoopback(address)) return false;
        if (address.AddressFamily == AddressFamily.InterNetworkV6)
            return !(address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6Multicast || address.Equals(IPAddress.IPv6None)
                     || address.Equals(IPAddress.IPv6Any) || (address.GetAddressBytes()[0] & 0xFE) == 0xFC); // fc00::/7 unique local
        if (address.AddressFamily != AddressFamily.InterNetwork) return false;
        var b = address.GetAddressBytes();
        return !(b[0] is 0 or 10 or 127 || b[0] >= 224                 // this network, private, loopback, multicast and reserved
                 || (b[0] == 100 && b[1] >= 64 && b[1] < 128)           // carrier-grade NAT 100.64/10
                 || (b[0] == 169 && b[1] == 254)                        // link-local (cloud metadata)
                 || (b[0] == 172 && b[1] >= 16 && b[1] < 32)            // 172.16/12
                 || (b[0] == 192 && b[1] == 168)                        // 192.168/16
                 || (b[0] == 192 && b[1] == 0 && b[2] == 0)             // IETF protocol assignments
                 || (b[0] == 198 && b[1] is 18 or 19));                 // benchmarking 198.18/15
    }
}
