using System.Text.Json.Serialization;
using Latchkey.Api.Common;
using Latchkey.Core.Common;

namespace Latchkey.Api.Platform;

/// <summary>Platform API errors: <c>{"success": false, "error": "message", "code": "machine_code"}</c>.</summary>
public sealed class PlatformErrors : SurfaceErrors
{
    public static readonly PlatformErrors Instance = new();

    public override object Body(AuthError error, string? requestId) =>
        new PlatformErrorBody(false, error.Message, error.Code, error.Details, error.Code == AuthErrorCodes.Internal ? requestId : null);
}

public sealed record PlatformErrorBody(
    bool Success,
    string Error,
    string Code,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyDictionary<string, string>? Details,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? RequestId);
