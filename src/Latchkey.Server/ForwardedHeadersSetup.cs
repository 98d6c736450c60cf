using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Latchkey.Server;

internal static class ForwardedHeadersSetup
{
    /// <summary>
    /// Client IPs decide rate limits and fill the activity log, so X-Forwarded-For is believed only
    /// from the proxies listed in <c>Latchkey:Network:TrustedProxies</c> (none by default).
    /// </summary>
    public static void AddForwardedHeaders(this IServiceCollection services, IConfiguration configuration)
    {
        // Read when the options are first used, so configuration added after registration counts too.
        services.AddOptions<ForwardedHeadersOptions>().Configure(o =>
        {
            var proxies = configuration.GetSection("Latchkey:Network:TrustedProxies").Get<string[]>() ?? [];
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var proxy in proxies)
            {
                if (!IPAddress.TryParse(proxy, out var address))
                    throw new InvalidOperationException($"Latchkey:Network:TrustedProxies: '{proxy}' is not an IP address.");
                o.KnownProxies.Add(address);
            }
        });
    }
}
