using Microsoft.AspNetCore.Http;

namespace Latchkey.Pages;

/// <summary>
/// <c>/login/login.js</c>: the sign-in page's only script (passkey and social buttons, the social return), a
/// file rather than inline code so the pages' CSP allows no inline script at all.
/// </summary>
internal static class LoginScript
{
    public const string Path = "/login/login.js";

    private static readonly byte[] Content = Load();

    public static IResult Serve(HttpContext http)
    {
        http.Response.Headers.CacheControl = "public, max-age=300";
        http.Response.Headers.XContentTypeOptions = "nosniff";
        return Results.Bytes(Content, "text/javascript; charset=utf-8");
    }

    private static byte[] Load()
    {
        using var stream = typeof(LoginScript).Assembly.GetManifestResourceStream("login.js")
            ?? throw new InvalidOperationException("The embedded login.js is missing.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
