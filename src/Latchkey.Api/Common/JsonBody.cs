using System.Text.Json;
using System.Text.Unicode;
using Latchkey.Core.Common;
using Microsoft.AspNetCore.Http;

namespace Latchkey.Api.Common;

/// <summary>
/// Reads a JSON body into memory (bounded by the endpoint's size limit, which answers 413) and checks it once:
/// valid UTF-8, well-formed, at most 16 levels deep, and no control character in any name or string. The
/// endpoint then reads the same bytes; whatever it binds them to, no string can surprise a store.
/// </summary>
internal static class JsonBody
{
    private static readonly JsonReaderOptions Options = new() { MaxDepth = 16 };

    public static async Task<AuthError?> CheckAsync(HttpRequest request)
    {
        var buffer = new MemoryStream(request.ContentLength is { } length and <= 64 * 1024 ? (int)length : 1024);
        await request.Body.CopyToAsync(buffer, request.HttpContext.RequestAborted);
        buffer.Position = 0;
        request.Body = buffer;
        return Check(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
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
