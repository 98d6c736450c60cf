using Latchkey.Core.Common;
using Latchkey.Core.OAuth;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Latchkey.Api.Common.Cors;

/// <summary>Which browser origins a <see cref="CorsRule"/> lets read responses.</summary>
public interface ICorsOrigins
{
    /// <summary>True when any origin may read (a public document): answered with <c>*</c>, never with credentials.</summary>
    bool IsAny => false;

    ValueTask<bool> IsAllowedAsync(HttpContext http, string origin);
}

/// <summary>Any origin: public documents (discovery, JWKS).</summary>
public sealed class AnyOrigin : ICorsOrigins
{
    public static readonly AnyOrigin Instance = new();
    public bool IsAny => true;
    public ValueTask<bool> IsAllowedAsync(HttpContext http, string origin) => ValueTask.FromResult(true);
}

/// <summary>The browser apps of <c>Latchkey:Cors:AllowedOrigins</c> (the Nhost and Simple APIs).</summary>
public sealed class ConfiguredOrigins : ICorsOrigins
{
    public static readonly ConfiguredOrigins Instance = new();

    public ValueTask<bool> IsAllowedAsync(HttpContext http, string origin) =>
        ValueTask.FromResult(http.RequestServices.GetRequiredService<AllowedOriginSet>().Contains(origin));
}

/// <summary>OAuth client endpoints: active clients' redirect-URI origins and <c>Latchkey:OAuth:CorsOrigins</c>.</summary>
public sealed class OAuthClientOrigins : ICorsOrigins
{
    public static readonly OAuthClientOrigins Instance = new();

    public ValueTask<bool> IsAllowedAsync(HttpContext http, string origin) =>
        http.RequestServices.GetRequiredService<ClientOrigins>().IsAllowedAsync(origin, http.RequestAborted);
}

/// <summary><see cref="CorsOptions.AllowedOrigins"/> as a set, built once (the options are validated at start).</summary>
public sealed class AllowedOriginSet(IOptions<CorsOptions> options)
{
    private readonly HashSet<string> _origins = new(options.Value.AllowedOrigins.Select(o => o.TrimEnd('/')), StringComparer.OrdinalIgnoreCase);

    public bool Contains(string origin) => _origins.Contains(origin);
}
