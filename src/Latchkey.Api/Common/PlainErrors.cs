using Latchkey.Core.Common;

namespace Latchkey.Api.Common;

/// <summary>The shape for requests that matched no surface: <c>{"error": code, "message": ...}</c>.</summary>
public sealed class PlainErrors : SurfaceErrors
{
    public static readonly PlainErrors Instance = new();

    public override object Body(AuthError error, string? requestId) =>
        new PlainErrorBody(error.Code, error.Message, requestId);

    private sealed record PlainErrorBody(string Error, string Message, string? RequestId);
}
