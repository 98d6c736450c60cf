using System.Globalization;
using System.Text.Json.Serialization;
using Latchkey.Api.Common;
using Latchkey.Core.Common;
using Latchkey.Core.Scim;
using Microsoft.AspNetCore.Http;

namespace Latchkey.Api.Scim;

/// <summary>
/// SCIM errors (RFC 7644 §3.12): <c>{"schemas": [Error], "status": "400", "scimType": "invalidFilter", "detail": "..."}</c>
/// as <c>application/scim+json</c>. The scimType comes from the core error's details; a malformed body is
/// <c>invalidSyntax</c>.
/// </summary>
public sealed class ScimApiErrors : SurfaceErrors
{
    public const string MediaType = "application/scim+json";

    public static readonly ScimApiErrors Instance = new();

    public override string? ContentType => MediaType;

    public override int StatusFor(string code) => code switch
    {
        ScimErrors.PreconditionFailed => StatusCodes.Status412PreconditionFailed,
        _ => base.StatusFor(code),
    };

    public override object Body(AuthError error, string? requestId)
    {
        var scimType = error.Details?.GetValueOrDefault(ScimErrors.ScimTypeKey)
            ?? (error.Code == AuthErrorCodes.InvalidRequest ? ScimTypes.InvalidSyntax : null);
        return new ScimErrorBody([ScimSchemas.Error], StatusFor(error.Code).ToString(CultureInfo.InvariantCulture), scimType, error.Message);
    }
}

public sealed record ScimErrorBody(
    IReadOnlyList<string> Schemas,
    string Status,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? ScimType,
    string Detail);
