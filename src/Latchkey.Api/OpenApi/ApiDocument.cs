using Latchkey.Api.Common;
using Microsoft.OpenApi;

namespace Latchkey.Api.OpenApi;

/// <summary>
/// One OpenAPI document of the reference: a surface, served at <c>/openapi/{Name}.json</c> and selectable at
/// <c>/docs</c>. An endpoint belongs to the document whose <see cref="Errors"/> type is the surface translator it
/// carries (every surface group carries one), else to the first whose <see cref="PathPrefixes"/> match its path;
/// anything else (hosted pages, their scripts) is in no document.
/// </summary>
/// <param name="Name">The document name in its URL.</param>
/// <param name="Title">Shown in the reference's document picker.</param>
/// <param name="Description">Markdown shown above the operations.</param>
/// <param name="Errors">The surface's error translator types (the first answers for endpoints that carry none).</param>
/// <param name="PathPrefixes">Paths (without the leading slash) of endpoints that carry no translator but belong here.</param>
/// <param name="SecuritySchemes">The schemes callers authenticate with; the first is what protected operations require.</param>
/// <param name="ErrorStatuses">The error statuses every operation documents, or <c>default</c> (as the Nhost spec writes it).</param>
public sealed record ApiDocument(
    string Name,
    string Title,
    string Description,
    Type[] Errors,
    string[] PathPrefixes,
    IReadOnlyDictionary<string, OpenApiSecurityScheme> SecuritySchemes,
    string[] ErrorStatuses)
{
    /// <summary>Per-operation overrides, keyed <c>"METHOD /path"</c> as the document shows it.</summary>
    public IReadOnlyDictionary<string, OperationNotes> Operations { get; init; } = new Dictionary<string, OperationNotes>();

    public bool Owns(SurfaceErrors? errors, string relativePath) =>
        errors is not null ? Errors.Contains(errors.GetType())
            : PathPrefixes.Any(p => relativePath.StartsWith(p, StringComparison.OrdinalIgnoreCase));
}

/// <summary>What an operation's handler cannot say about itself.</summary>
/// <param name="Summary">One line; without it the handler's name is the summary.</param>
/// <param name="SuccessStatus">When the operation answers with a redirect or 201 rather than 200.</param>
/// <param name="Security">Security scheme required, when not the document's first (e.g. an elevated bearer).</param>
/// <param name="Response">The success body's type, for handlers that return <c>IResult</c>.</param>
/// <param name="Request">The body's documented shape, for handlers that read it as raw JSON (its example is built from it).</param>
/// <param name="Form">An example form body, for handlers that read <c>application/x-www-form-urlencoded</c> themselves (the OAuth endpoints).</param>
/// <param name="OrResponses">Other success bodies the operation may answer instead of <paramref name="Response"/>.</param>
/// <param name="Errors">Error statuses this operation answers beyond the rule-derived ones (401 for bad credentials, 409, 423).</param>
public sealed record OperationNotes(
    string? Summary = null, int? SuccessStatus = null, string? Security = null, Type? Response = null, Type? Request = null,
    IReadOnlyDictionary<string, string>? Form = null, string[]? Errors = null, Type[]? OrResponses = null);
