using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Latchkey.Api.Common;

/// <summary>
/// One surface's claim on a part of the URL space: the path prefixes it owns, its error translator, and
/// whether its answers may be cached. Answers that routing produces before any endpoint of the surface
/// ran (unknown route 404, wrong method 405, wrong content type 415, oversized or malformed body) find
/// their error shape here, as do the security headers.
/// </summary>
public sealed record SurfaceRoute(IReadOnlyList<PathString> Prefixes, Func<IServiceProvider, SurfaceErrors> Errors, bool Cacheable = false);

/// <summary>The registered surfaces, matched by longest path prefix (so <c>/api/oauth</c> wins over <c>/api</c>).</summary>
public sealed class SurfaceRegistry
{
    private readonly (PathString Prefix, Lazy<SurfaceErrors> Errors, bool Cacheable)[] _prefixes;

    public SurfaceRegistry(IEnumerable<SurfaceRoute> routes, IServiceProvider services) =>
        _prefixes = routes
            .SelectMany(r =>
            {
                var errors = new Lazy<SurfaceErrors>(() => r.Errors(services));
                return r.Prefixes.Select(p => (p, errors, r.Cacheable));
            })
            .OrderByDescending(p => p.p.Value!.Length)
            .ToArray();

    /// <summary>The error translator of the surface that owns <paramref name="path"/>, or null outside every surface.</summary>
    public SurfaceErrors? ErrorsFor(PathString path) => Find(path) is { } i ? _prefixes[i].Errors.Value : null;

    /// <summary>True when <paramref name="path"/> belongs to a surface whose answers must never be stored (tokens, personal data).</summary>
    public bool IsNoStore(PathString path) => Find(path) is { } i && !_prefixes[i].Cacheable;

    public bool Owns(PathString path) => Find(path) is not null;

    private int? Find(PathString path)
    {
        for (var i = 0; i < _prefixes.Length; i++)
            if (path.StartsWithSegments(_prefixes[i].Prefix, StringComparison.OrdinalIgnoreCase)) return i;
        return null;
    }
}

public static class SurfaceRegistryExtensions
{
    /// <summary>
    /// Registers a surface: one call per surface (a future one included: Nube's <c>/v1/auth</c>, <c>/v1/users</c>...,
    /// SCIM's <c>/api/scim/v2</c>), and every fallback answer under its prefixes comes in its error shape.
    /// </summary>
    public static IServiceCollection AddSurface(this IServiceCollection services, Func<IServiceProvider, SurfaceErrors> errors,
        bool cacheable, params string[] prefixes)
    {
        services.AddSingleton(new SurfaceRoute([.. prefixes.Select(p => new PathString(p))], errors, cacheable));
        services.TryAddSingleton<SurfaceRegistry>();
        return services;
    }

    public static IServiceCollection AddSurface(this IServiceCollection services, SurfaceErrors errors, params string[] prefixes) =>
        services.AddSurface(_ => errors, cacheable: false, prefixes);
}
