using System.Text;
using Latchkey.Core.Common;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Net.Http.Headers;

namespace Latchkey.Api.Common;

/// <summary>
/// The one place where raw input is checked before any endpoint sees it, so that no handler, store or database
/// meets what it cannot hold: a charset other than UTF-8 (415); a form the framework cannot parse (a key over
/// 2,048 characters, too many fields: 400; too large: 413); JSON that is not well-formed UTF-8 (400); and
/// NUL or other control characters in the path, the query, a form field, a JSON string or Basic credentials
/// (400). Every refusal is in the shape of the surface that was called.
/// </summary>
public sealed class InputBoundaryMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        // Routing's own 404/405/415 answers are left to ErrorHandlingMiddleware: only mapped endpoints read input.
        if (context.GetEndpoint() is RouteEndpoint)
        {
            var request = context.Request;
            var error = CheckUrl(request) ?? CheckBasicCredentials(request) ?? CheckMediaType(request, out var kind)
                ?? kind switch
                {
                    BodyKind.Form => await FormBody.CheckAsync(request),
                    BodyKind.Json => await JsonBody.CheckAsync(request),
                    _ => null,
                };
            if (error is not null)
            {
                await context.SurfaceErrors(PlainErrors.Instance).WriteAsync(context, error);
                return;
            }
        }
        await next(context);
    }

    private enum BodyKind { None, Form, Json, Other }

    internal static AuthError ControlCharacterError(string where) =>
        new(AuthErrorCodes.InvalidRequest, $"The {where} contains a control character");

    private static AuthError? CheckUrl(HttpRequest request)
    {
        if (ControlCharacters.Contain(request.Path.Value)) return ControlCharacterError("path");
        if (!request.QueryString.HasValue) return null;
        foreach (var (key, values) in request.Query)
        {
            if (ControlCharacters.Contain(key)) return ControlCharacterError("query");
            foreach (var value in values)
                if (ControlCharacters.Contain(value)) return ControlCharacterError("query");
        }
        return null;
    }

    /// <summary>RFC 6749 §2.3.1 Basic credentials: base64 of form-encoded id and secret; both layers are decoded here.</summary>
    private static AuthError? CheckBasicCredentials(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        if (!header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase)) return null;
        var encoded = header.AsSpan(6).Trim();
        Span<byte> bytes = encoded.Length <= 1024 ? stackalloc byte[encoded.Length] : new byte[encoded.Length];
        if (!Convert.TryFromBase64Chars(encoded, bytes, out var written)) return null; // the endpoint refuses it as malformed
        var decoded = Encoding.UTF8.GetString(bytes[..written]);
        return ControlCharacters.Contain(decoded) || ControlCharacters.Contain(Uri.UnescapeDataString(decoded))
            ? ControlCharacterError("Basic credentials") : null;
    }

    private static AuthError? CheckMediaType(HttpRequest request, out BodyKind kind)
    {
        kind = BodyKind.None;
        if (request.ContentType is null) return null; // an endpoint that needs a type refuses it (routing's 415)
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType))
            return new AuthError(AuthErrorCodes.UnsupportedMediaType, "The Content-Type header is malformed");
        var charset = mediaType.Charset.Value?.Trim('"');
        if (charset is not null && !IsUtf8(charset))
            return new AuthError(AuthErrorCodes.UnsupportedMediaType, "Request bodies must be UTF-8 (charset=utf-8)");
        if (request.ContentLength is 0 || (request.ContentLength is null && request.Headers.TransferEncoding.Count == 0)) return null;
        kind = request.HasFormContentType ? BodyKind.Form
            : request.HasJsonContentType() ? BodyKind.Json
            : BodyKind.Other;
        return null;
    }

    // US-ASCII is a subset of UTF-8; anything else would be decoded by a transcoder the endpoints do not expect.
    private static bool IsUtf8(string charset) =>
        charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase) || charset.Equals("utf8", StringComparison.OrdinalIgnoreCase)
        || charset.Equals("us-ascii", StringComparison.OrdinalIgnoreCase);
}
