using System.Text.Json.Serialization;
using Latchkey.Api.Common;
using Latchkey.Core.Common;

namespace Latchkey.Api.Admin;

/// <summary>
/// Admin API errors, in the Platform API's shape as the seed documents for <c>/api/admin</c>:
/// <c>{"success": false, "error": "message", "code": "machine_code"}</c>, with the invalid fields named in details.
/// </summary>
public sealed class AdminErrors : SurfaceErrors
{
    public static readonly AdminErrors Instance = new();

    public override object Body(AuthError error, string? requestId) =>
        new AdminErrorBody(false, error.Message, error.Code, error.Details, error.Code == AuthErrorCodes.Internal ? requestId : null);
}

public sealed record AdminErrorBody(
    bool Success,
    string Error,
    string Code,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyDictionary<string, string>? Details,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? RequestId);
