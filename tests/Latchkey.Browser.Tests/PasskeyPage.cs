using System.Text.Json;
using Xunit;
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

        await VirtualAuthenticator.AddAsync(context, page);
        return new PasskeyPage(context, page);
    }

    /// <summary>Runs a script on the page and returns its JSON result.</summary>
    public async Task<JsonElement> RunAsync(string script, object? arg = null) =>
        await Page.EvaluateAsync<JsonElement>(script, arg);

    public Task<JsonElement> CallApiAsync(string path, object? body = null, string? method = null) =>
        RunAsync("([path, body, method]) => api(path, body ?? undefined, method ?? undefined)", new object?[] { path, body, method });

    public const string Password = "velvet-Harbor-92-quiet-Lantern";

    /// <summary>Registers and signs in with a password, then adds a passkey through the real endpoints, and signs out.</summary>
    public async Task<string> AccountWithPasskeyAsync()
    {
        var email = $"browser-{Guid.NewGuid():N}@example.com";
        Assert.Equal(201, Status(await CallApiAsync("/api/auth/register", new { email, password = Password, firstName = "Ada", lastName = "Lovelace" })));
        Assert.Equal(200, Status(await CallApiAsync("/api/auth/login", new { email, password = Password })));

        var registered = await RunAsync("name => registerPasskey(name)", "Virtual authenticator");
        Assert.Equal(201, Status(registered));
        Assert.Equal("Virtual authenticator", registered.GetProperty("body").GetProperty("passkey").GetProperty("deviceName").GetString());

        var list = await CallApiAsync("/api/user/passkeys");
        Assert.Single(list.GetProperty("body").GetProperty("passkeys").EnumerateArray());
        var security = await CallApiAsync("/api/user/security");
        Assert.Equal(1, security.GetProperty("body").GetProperty("security").GetProperty("passkeyCount").GetInt32());

        Assert.Equal(200, Status(await CallApiAsync("/api/auth/logout", new { })));
        Assert.Equal(401, Status(await CallApiAsync("/api/auth/me")));
        return email;
    }

    public static int Status(JsonElement response) => response.GetProperty("status").GetInt32();

    private static readonly string PageHtml = LoadPage();

    private static string LoadPage()
    {
        using var stream = typeof(PasskeyPage).Assembly.GetManifestResourceStream("passkey-test.html")!;
        return new StreamReader(stream).ReadToEnd();
    }

    public async ValueTask DisposeAsync() => await _context.CloseAsync();
}
