using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Latchkey.Pages.Layout;

/// <summary>
/// The pages' script files (embedded from <c>Scripts/</c>), each served at its own path: files rather than
/// inline code, so the pages' CSP allows no inline script at all. Every page works without them where its flow
/// allows; they add passkey and social sign-in and the live password rules.
/// </summary>
public static class PageScripts
{
    /// <summary>The sign-in page's passkey and social buttons, and the social return.</summary>
    public const string Login = "/login/login.js";

    /// <summary>The password rules of the sign-up and reset pages, checked as the person types.</summary>
    public const string Password = "/sign-up/password.js";

    /// <summary>The account console's passkey step: the browser's credential ceremony, posted back as a form.</summary>
    public const string Passkey = "/account/passkey.js";

    private static readonly Dictionary<string, byte[]> Files = new(StringComparer.Ordinal)
    {
        [Login] = Load("login.js"),
        [Password] = Load("password.js"),
        [Passkey] = Load("passkey.js"),
    };

    public static void MapPageScripts(this IEndpointRouteBuilder app)
    {
        foreach (var (path, content) in Files)
            app.MapGet(path, (HttpContext http) =>
            {
                http.Response.Headers.CacheControl = "public, max-age=300";
                http.Response.Headers.XContentTypeOptions = "nosniff";
                return Results.Bytes(content, "text/javascript; charset=utf-8");
            });
    }

    private static byte[] Load(string name)
    {
        using var stream = typeof(PageScripts).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The embedded {name} is missing.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
