using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using Latchkey.Api.Authentication;
using Latchkey.Api.Common;
using Latchkey.Core.Common;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Latchkey.Api.OpenApi;

/// <summary>
/// Fills in what each operation's handler does not declare, from rules rather than per-endpoint attributes:
/// its summary (the surface's table, else the handler's name), its success status, the security scheme it
/// requires (from its authorization metadata), and every error response in its surface's own shape, with an
/// example body produced by the surface's real error translator.
/// </summary>
internal sealed partial class SurfaceOperationTransformer(ApiDocument document) : IOpenApiOperationTransformer
{
    public async Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var description = context.Description;
        var metadata = description.ActionDescriptor.EndpointMetadata;
        var key = $"{description.HttpMethod} /{RouteConstraint().Replace(description.RelativePath?.TrimEnd('/') ?? "", "{$1}")}";
        var notes = document.Operations.GetValueOrDefault(key) ?? new OperationNotes();

        operation.Summary = notes.Summary ?? operation.Summary ?? Humanize(metadata.OfType<MethodInfo>().FirstOrDefault(), description.RelativePath);
        MoveSuccess(operation, notes.SuccessStatus);
        await DescribeSuccessAsync(operation, notes, context, cancellationToken);
        AddRequestExample(operation, notes, description);

        var scheme = notes.Security ?? RequiredScheme(metadata);
        if (scheme is not null)
        {
            operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(scheme, context.Document)] = [] }];
            if (metadata.OfType<IAuthorizeData>().Any(a => a.Policy == LatchkeyAuthentication.AnyCredential) && document.SecuritySchemes.ContainsKey("apiKey"))
                operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("apiKey", context.Document)] = [] });
        }

        var errors = metadata.OfType<SurfaceErrors>().LastOrDefault() ?? FallbackErrors(context.ApplicationServices);
        if (errors is null) return;
        var sample = errors.Body(new AuthError(AuthErrorCodes.InvalidRequest, "The request is not valid"), null);
        var schema = await context.GetOrCreateSchemaAsync(sample.GetType(), null, cancellationToken);
        operation.Responses ??= [];
        foreach (var status in ErrorStatuses(metadata, description, scheme is not null).Concat(notes.Errors ?? []).Distinct())
        {
            var error = SampleError(status);
            operation.Responses[status] = new OpenApiResponse
            {
                Description = error.Message,
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    ["application/json"] = new()
                    {
                        Schema = schema,
                        Example = JsonSerializer.SerializeToNode(errors.Body(error, "0HN0000000001"), sample.GetType(), JsonSerializerOptions.Web),
                    },
                },
            };
        }
    }

    /// <summary>
    /// The surface's common error statuses (401 only where a credential is required), plus 403 where a permission is
    /// checked and 404 where the route names a resource (the table adds what only the handler knows, e.g. 409).
    /// A document that follows a spec's <c>default</c> keeps to it.
    /// </summary>
    private IEnumerable<string> ErrorStatuses(IList<object> metadata, ApiDescription description, bool authenticated)
    {
        foreach (var status in document.ErrorStatuses)
            if (status != "401" || authenticated) yield return status;
        if (document.ErrorStatuses.Contains("default")) yield break;
        if (metadata.OfType<RequiredPermission>().Any()) yield return "403";
        if (description.ParameterDescriptions.Any(p => p.Source == BindingSource.Path)) yield return "404";
    }

    /// <summary>An example body built from the request contract (or the documented shape for raw-JSON handlers).</summary>
    private static void AddRequestExample(OpenApiOperation operation, OperationNotes notes, ApiDescription description)
    {
        if (notes.Form is { } form && operation.RequestBody is null)
            operation.RequestBody = FormBody(form);
        if (operation.RequestBody?.Content is not { Count: > 0 } content) return;
        var type = notes.Request ?? description.ParameterDescriptions.FirstOrDefault(p => p.Source == BindingSource.Body)?.Type;
        if (type is null || RequestExamples.For(type) is not { } example) return;
        foreach (var media in content.Values)
            media.Example = example.DeepClone();
    }

    /// <summary>A form body the handler parses itself: every field a string, the example as the fields.</summary>
    private static OpenApiRequestBody FormBody(IReadOnlyDictionary<string, string> form) => new()
    {
        Required = true,
        Content = new Dictionary<string, OpenApiMediaType>
        {
            ["application/x-www-form-urlencoded"] = new()
            {
                Schema = new OpenApiSchema
                {
                    Type = JsonSchemaType.Object,
                    Properties = form.Keys.ToDictionary(k => k, IOpenApiSchema (_) => new OpenApiSchema { Type = JsonSchemaType.String }),
                },
                Example = new System.Text.Json.Nodes.JsonObject(form.Select(f => KeyValuePair.Create(f.Key, (System.Text.Json.Nodes.JsonNode?)f.Value))),
            },
        },
    };

    private string? RequiredScheme(IList<object> metadata) =>
        metadata.OfType<IAuthorizeData>().Any() && !metadata.OfType<IAllowAnonymous>().Any() ? document.SecuritySchemes.Keys.First() : null;

    private SurfaceErrors? FallbackErrors(IServiceProvider services) =>
        document.Errors.FirstOrDefault() is not { } type ? null
            : type.GetField("Instance", BindingFlags.Public | BindingFlags.Static)?.GetValue(null) as SurfaceErrors
              ?? services.GetService(type) as SurfaceErrors;

    /// <summary>A redirecting or creating operation documents its real success status instead of the generic 200.</summary>
    private static void MoveSuccess(OpenApiOperation operation, int? status)
    {
        if (status is null || operation.Responses is null || !operation.Responses.Remove("200", out var response)) return;
        if (response is OpenApiResponse concrete && status is 204 or (>= 300 and < 400))
        {
            concrete.Description = status == 204 ? "Done; no body" : "Redirect to the next step (see Location)";
            concrete.Content = null;
        }
        operation.Responses[status.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)] = response;
    }

    /// <summary>The success body's schema, for handlers whose <c>IResult</c> hides it.</summary>
    private static async Task DescribeSuccessAsync(OpenApiOperation operation, OperationNotes notes, OpenApiOperationTransformerContext context, CancellationToken ct)
    {
        var status = (notes.SuccessStatus ?? StatusCodes.Status200OK).ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (notes.Response is null || operation.Responses?.GetValueOrDefault(status) is not OpenApiResponse success) return;
        success.Content = new Dictionary<string, OpenApiMediaType>
        {
            ["application/json"] = new() { Schema = await SuccessSchemaAsync(notes, context, ct) },
        };
    }

    /// <summary>The success body's schema, or <c>oneOf</c> it and the alternatives (e.g. a sign-in that may answer a challenge).</summary>
    private static async Task<IOpenApiSchema> SuccessSchemaAsync(OperationNotes notes, OpenApiOperationTransformerContext context, CancellationToken ct)
    {
        var main = await context.GetOrCreateSchemaAsync(notes.Response!, null, ct);
        if (notes.OrResponses is not { Length: > 0 } alternatives) return main;
        var oneOf = new List<IOpenApiSchema> { main };
        foreach (var alternative in alternatives)
            oneOf.Add(await context.GetOrCreateSchemaAsync(alternative, null, ct));
        return new OpenApiSchema { OneOf = oneOf };
    }

    private static AuthError SampleError(string status) => status switch
    {
        "401" => new AuthError(AuthErrorCodes.Unauthenticated, "Authentication is required"),
        "403" => new AuthError(AuthErrorCodes.Forbidden, "Not allowed"),
        "404" => new AuthError(AuthErrorCodes.NotFound, "Not found"),
        "409" => new AuthError(AuthErrorCodes.Conflict, "Conflicts with an existing resource"),
        "423" => new AuthError(AuthErrorCodes.AccountLocked, "The account is locked; try again later"),
        "429" => new AuthError(AuthErrorCodes.RateLimited, "Too many requests; try again later"),
        "500" => new AuthError(AuthErrorCodes.Internal, "Internal server error (request id 0HN0000000001)"),
        _ => new AuthError(AuthErrorCodes.InvalidRequest, "The request is not valid"),
    };

    [GeneratedRegex(@"\{([^}:?=]+)[^}]*\}")]
    private static partial Regex RouteConstraint();

    /// <summary>"ChangePasswordAsync" → "Change password"; a lambda gets its route instead.</summary>
    internal static string Humanize(MethodInfo? handler, string? relativePath)
    {
        var name = handler?.Name;
        if (name is null || name.Contains('<'))
            return "/" + relativePath;
        if (name.EndsWith("Async", StringComparison.Ordinal)) name = name[..^5];
        var words = new System.Text.StringBuilder();
        foreach (var c in name)
        {
            if (char.IsUpper(c) && words.Length > 0) words.Append(' ').Append(char.ToLowerInvariant(c));
            else words.Append(c);
        }
        return words.ToString();
    }
}
