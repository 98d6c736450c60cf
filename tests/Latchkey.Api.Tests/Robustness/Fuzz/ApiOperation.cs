using System.Text.Json;

namespace Latchkey.Api.Tests.Robustness.Fuzz;

/// <summary>One operation of a served OpenAPI document, as much of it as the fuzzer needs to aim its input.</summary>
public sealed record ApiOperation(
    string Document,
    string Method,
    string PathTemplate,
    IReadOnlyList<ApiParameter> Parameters,
    BodyKind Body,
    JsonElement? BodySchema,
    SchemaRefs Refs)
{
    public override string ToString() => $"{Method} {PathTemplate}";
}

public sealed record ApiParameter(string Name, string In, bool Required, JsonElement Schema);

public enum BodyKind { None, Json, Form }
