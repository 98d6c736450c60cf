using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;

namespace Latchkey.Api.Common;

/// <summary>
/// Applies the endpoint's <see cref="IRequestSizeLimitMetadata"/> (JSON APIs take 64 KiB) before the body
/// is read, so an oversized body is refused by the server instead of being buffered.
/// </summary>
public sealed class RequestSizeLimitMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        var limit = context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>();
        var feature = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (limit is not null && feature is { IsReadOnly: false }) feature.MaxRequestBodySize = limit.MaxRequestBodySize;
        return next(context);
    }
}

/// <summary>The body size limit as endpoint metadata.</summary>
public sealed record BodySizeLimit(long? MaxRequestBodySize) : IRequestSizeLimitMetadata
{
    public static readonly BodySizeLimit Json = new(64 * 1024);
}
