using Latchkey.Core.Common;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Latchkey.Api.Common.Cors;

public static class CorsEndpointExtensions
{
    /// <summary>
    /// Gives an endpoint (or every endpoint of a group) a CORS rule, and lets routing match CORS preflights
    /// (<c>OPTIONS</c> with <c>Access-Control-Request-Method</c>) to it, so <see cref="CorsMiddleware"/> answers
    /// them instead of a 405. A new surface opts in with one line: <c>group.WithCors(CorsRule.BrowserApps)</c>.
    /// </summary>
    public static TBuilder WithCors<TBuilder>(this TBuilder builder, CorsRule rule) where TBuilder : IEndpointConventionBuilder
    {
        builder.WithMetadata(rule);
        builder.Finally(endpoint =>
        {
            for (var i = 0; i < endpoint.Metadata.Count; i++)
                if (endpoint.Metadata[i] is IHttpMethodMetadata { AcceptCorsPreflight: false } methods)
                    endpoint.Metadata[i] = new HttpMethodMetadata(methods.HttpMethods, acceptCorsPreflight: true);
        });
        return builder;
    }

    public static IServiceCollection AddLatchkeyCors(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<CorsOptions>().Bind(configuration.GetSection("Latchkey:Cors")).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<AllowedOriginSet>();
        return services;
    }
}
