using System.Buffers;
using System.IO.Pipelines;
using System.Text.Json;
using System.Text.Unicode;
using Latchkey.Core.Common;
using Microsoft.AspNetCore.Http;

namespace Latchkey.Api.Common;

/// <summary>
/// Checks a JSON body once, before the endpoint reads it: valid UTF-8, well-formed, at most 16 levels deep, and
/// no control character in any name or string; whatever the endpoint binds it to, no string can surprise a store.
/// </summary>
/// <remarks>
/// The body is read in the request's own pipe and left unconsumed there, so the endpoint reads the same
/// buffered bytes again: no copy of the body and no stream per request. Kestrel's size limit (64 KiB for the
/// JSON surfaces) still answers 413 while it arrives.
/// </remarks>
internal static class JsonBody
{
    private static readonly JsonReaderOptions Options = new() { MaxDepth = 16 };

    // Kestrel stops filling a request pipe that holds 1 MiB unconsumed (MaxRequestBufferSize), so a body is
    // examined only up to a bound below that; every JSON surface's own limit is far lower.
    private const int MaxExamined = 512 * 1024;

    public static async Task<AuthError?> CheckAsync(HttpRequest request)
    {
        var reader = request.BodyReader;
        while (true)
        {
            var result = await reader.ReadAsync(request.HttpContext.RequestAborted);
            var body = result.Buffer;
            if (result.IsCompleted)
            {
                var error = Check(body);
                reader.AdvanceTo(body.Start, body.End);
                return error;
            }
            reader.AdvanceTo(body.Start, body.End);
            if (body.Length > MaxExamined)
                return new AuthError(AuthErrorCodes.PayloadTooLarge, "The request body is too large");
        }
    }

    private static AuthError? Check(ReadOnlySequence<byte> body)
    {
        if (body.IsSingleSegment) return Check(body.FirstSpan);
        // Kestrel's segments are a few KiB: a larger body is checked as one span from a pooled copy, so a
        // character split between two segments is judged whole.
        var copy = ArrayPool<byte>.Shared.Rent((int)body.Length);
        try
        {
            body.CopyTo(copy);
            return Check(copy.AsSpan(0, (int)body.Length));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(copy);
        }
    }

    private static AuthError? Check(ReadOnlySpan<byte> json)
    {
        if (!Utf8.IsValid(json)) return Malformed("is not valid UTF-8");
        var reader = new Utf8JsonReader(json, Options);
        try
        {
            while (reader.Read())
            {
                // Unescaped control characters are already invalid JSON; escaped ones (\u0000) are found here.
                if (reader.TokenType is JsonTokenType.String or JsonTokenType.PropertyName && reader.ValueIsEscaped
                    && ControlCharacters.Contain(reader.GetString()))
                    return InputBoundaryMiddleware.ControlCharacterError("JSON body");
            }
        }
        catch (JsonException)
        {
            return Malformed("is not well-formed JSON");
        }
        return null;
    }

    private static AuthError Malformed(string what) => new(AuthErrorCodes.InvalidRequest, $"The request body {what}");
}
