using Latchkey.Core.Common;
using Microsoft.AspNetCore.Http;

namespace Latchkey.Api.Common;

/// <summary>
/// Reads a form body once, up front (the endpoint then gets the parsed form from the request's form feature):
/// the framework's limits (key length 2,048, field count, value length) answer 400 here instead of throwing
/// from inside a handler, and no field may carry a control character.
/// </summary>
internal static class FormBody
{
    public static async Task<AuthError?> CheckAsync(HttpRequest request)
    {
        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(request.HttpContext.RequestAborted);
        }
        catch (InvalidDataException ex)
        {
            return new AuthError(AuthErrorCodes.InvalidRequest, $"The form cannot be read: {ex.Message}");
        }
        foreach (var (key, values) in form)
        {
            if (ControlCharacters.Contain(key)) return InputBoundaryMiddleware.ControlCharacterError("form");
            foreach (var value in values)
                if (ControlCharacters.Contain(value)) return InputBoundaryMiddleware.ControlCharacterError("form");
        }
        return null;
    }
}
