using Latchkey.Api.Common;
using Latchkey.Core.Common;

namespace Latchkey.Api.Simple;

/// <summary>Simple API errors: <c>{"error": "message"}</c>, as its document shows.</summary>
public sealed class SimpleErrors : SurfaceErrors
{
    public static readonly SimpleErrors Instance = new();

    public override object Body(AuthError error, string? requestId) =>
        new SimpleErrorBody(error.Message);
}

public sealed record SimpleErrorBody(string Error);
