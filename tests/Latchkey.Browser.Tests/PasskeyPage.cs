using System.Text.Json;
using Microsoft.Playwright;

namespace Latchkey.Browser.Tests;

/// <summary>
/// A fresh browser context on the test page, with a CTAP2 platform authenticator (internal transport,
/// resident keys, user verification) attached over the Chrome DevTools Protocol.
/// </summary>
public sealed class PasskeyPage : IAsyncDisposable
{
    private readonly IBrowserContext _context;
    public IPage Page { get; }

    private PasskeyPage(IBrowserContext context, IPage page)
    {
        _context = context;
        Page = page;
    }

    public static async Task<PasskeyPage> OpenAsync(BrowserServer server)
    {
        var context = await server.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        var url = server.Origin + "/passkey-test.html";
        // The page is served at the server's origin without the server knowing about it.
        await page.RouteAsync(url, route => route.FulfillAsync(new RouteFulfillOptions { ContentType = "text/html", Body = PageHtml }));
        await page.GotoAsync(url);

        var cdp = await context.NewCDPSessionAsync(page);
        await cdp.SendAsync("WebAuthn.enable");
        await cdp.SendAsync("WebAuthn.addVirtualAuthenticator", new Dictionary<string, object>
        {
            ["options"] = new Dictionary<string, object>
            {
                ["protocol"] = "ctap2",
                ["transport"] = "internal",
                ["hasResidentKey"] = true,
                ["hasUserVerification"] = true,
                ["isUserVerified"] = true,
                ["automaticPresenceSimulation"] = true,
            },
        });
        return new PasskeyPage(context, page);
    }

    /// <summary>Runs a script on the page and returns its JSON result.</summary>
    public async Task<JsonElement> RunAsync(string script, object? arg = null) =>
        await Page.EvaluateAsync<JsonElement>(script, arg);

    public Task<JsonElement> CallApiAsync(string path, object? body = null, string? method = null) =>
        RunAsync("([path, body, method]) => api(path, body ?? undefined, method ?? undefined)", new object?[] { path, body, method });

    private static readonly string PageHtml = LoadPage();

    private static string LoadPage()
    {
        using var stream = typeof(PasskeyPage).Assembly.GetManifestResourceStream("passkey-test.html")!;
        return new StreamReader(stream).ReadToEnd();
    }

    public async ValueTask DisposeAsync() => await _context.CloseAsync();
}
