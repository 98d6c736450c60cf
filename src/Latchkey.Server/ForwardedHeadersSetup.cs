using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Latchkey.Server;

internal static class ForwardedHeadersSetup
{
    private const string Setting = "Latchkey:Network:TrustedProxies";

    /// <summary>
    /// Client IPs decide rate limits, sign-in throttling and the activity log, so X-Forwarded-For and
    /// X-Forwarded-Proto are believed only from the proxies (addresses or CIDR networks) listed in
    /// <c>Latchkey:Network:TrustedProxies</c>, none by default. ASP.NET Core's own defaults trust every
    /// loopback peer, which would let anyone on the host (or a same-host proxy that does not strip the
    /// header) pick their own IP; they are cleared, both the current and the obsolete network list. And
    /// since the middleware trusts everyone when those lists are empty, no trusted proxy turns it off.
    /// </summary>
    public static void AddForwardedHeaders(this IServiceCollection services, IConfiguration configuration)
    {
        // Read when the options are first used, so configuration added after registration counts too.
        services.AddOptions<ForwardedHeadersOptions>().Configure(o =>
        {
            var trusted = configuration.GetSection(Setting).Get<string[]>() ?? [];
            // With both lists empty the middleware believes every peer, so "no proxy" must mean "no forwarded header".
            o.ForwardedHeaders = trusted.Length == 0 ? ForwardedHeaders.None : ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
#pragma warning disable ASPDEPR005, CS0618 // the obsolete list is still consulted by the middleware, so it must be emptied too
            o.KnownNetworks.Clear();
#pragma warning restore ASPDEPR005, CS0618
            foreach (var entry in trusted)
            {
                if (IPAddress.TryParse(entry, out var address)) o.KnownProxies.Add(address);
                else if (System.Net.IPNetwork.TryParse(entry, out var network)) o.KnownIPNetworks.Add(network);
                else throw new InvalidOperationException($"{Setting}: '{entry}' is neither an IP address nor a CIDR network (e.g. 10.0.0.0/8).");
            }
        });
    }

    /// <summary>Applies forwarded headers from trusted proxies, and says once when one arrives from anyone else.</summary>
    public static void UseTrustedForwardedHeaders(this WebApplication app)
    {
        app.UseForwardedHeaders();
        var warned = 0;
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Latchkey.Network");
        app.Use((context, next) =>
        {
            // The middleware removes what it applied (and keeps the original in X-Original-For), so a
            // forwarded header still present without X-Original-For was not believed.
            var headers = context.Request.Headers;
            if (Volatile.Read(ref warned) == 0 && !headers.ContainsKey("X-Original-For")
                && (headers.ContainsKey("X-Forwarded-For") || headers.ContainsKey("X-Forwarded-Proto") || headers.ContainsKey("X-Forwarded-Host"))
                && Interlocked.Exchange(ref warned, 1) == 0)
            {
                logger.LogWarning(
                    "A forwarded header (X-Forwarded-For/-Proto/-Host) arrived from {Peer}, which is not a trusted proxy; it is ignored. " +
                    "If Latchkey runs behind a reverse proxy, list its address in {Setting}. This is said once.",
                    context.Connection.RemoteIpAddress, Setting);
            }
            return next(context);
        });
    }
}
