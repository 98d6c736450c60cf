using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Latchkey.Api.OpenApi;

/// <summary>
/// A surface document's title, description and security schemes, and its operations grouped by the first path
/// segment after the surface's prefix (<c>/api/auth/login</c> → <c>auth</c>), so the reference reads by topic.
/// </summary>
internal sealed class SurfaceDocumentTransformer(ApiDocument surface) : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info = new OpenApiInfo { Title = surface.Title, Description = surface.Description, Version = "v1" };
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        foreach (var (name, scheme) in surface.SecuritySchemes)
            document.Components.SecuritySchemes[name] = scheme;

        var tags = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var (path, item) in document.Paths)
        {
            var tag = Topic(path);
            tags.Add(tag);
            foreach (var operation in item.Operations?.Values ?? Enumerable.Empty<OpenApiOperation>())
                operation.Tags = new HashSet<OpenApiTagReference> { new(tag, document) };
        }
        document.Tags = new HashSet<OpenApiTag>(tags.Select(t => new OpenApiTag { Name = t }));
        return Task.CompletedTask;
    }

    /// <summary>The first segment after the surface prefix (<c>api</c>, <c>v1</c>, <c>api/v1/auth</c>, <c>api/oauth</c>).</summary>
    internal static string Topic(string path)
    {
        var segments = path.Trim('/').Split('/');
        var skip = segments switch
        {
            ["api", "v1", "auth", ..] => 3,
            ["api", "oauth", ..] => 2,
            ["api", ..] or ["v1", ..] => 1,
            _ => 0,
        };
        var topic = segments.Skip(skip).FirstOrDefault(s => !s.StartsWith('{'));
        return string.IsNullOrEmpty(topic) ? segments[0] : topic;
    }
}
