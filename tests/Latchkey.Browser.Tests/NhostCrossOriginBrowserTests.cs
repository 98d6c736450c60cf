using System.Text.Json;
using Xunit;

namespace Latchkey.Browser.Tests;

/// <summary>
/// @nhost/nhost-js in Chromium, on a page of another origin, signs up and in against the server (issue 12,
/// item 1): real preflights, real CORS enforcement by the browser.
/// </summary>
public sealed class NhostCrossOriginBrowserTests(BrowserServer server) : IClassFixture<BrowserServer>, IAsyncLifetime
{
    private const string Password = "velvet-Harbor-92-quiet-Lantern";
    private CrossOriginAppServer? _app;

    public async ValueTask InitializeAsync() => _app = await CrossOriginAppServer.StartAsync(server.AppPort);

    public async ValueTask DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
    }

    [Fact]
    public async Task The_sdk_signs_up_and_in_from_an_allowed_origin_and_not_from_another()
    {
        var context = await server.Browser.NewContextAsync();
        try
        {
            var page = await context.NewPageAsync();
            var email = $"cors-{Guid.NewGuid():N}@example.com";
            var args = new Dictionary<string, object> { ["authUrl"] = server.Origin + "/v1", ["email"] = email, ["password"] = Password };

            await page.GotoAsync(server.AppOrigin + "/");
            var result = await page.EvaluateAsync<JsonElement>("args => signUpAndIn(args)", args);
            Assert.Equal(email, result.GetProperty("signedUp").GetString());
            Assert.Equal(email, result.GetProperty("signedIn").GetString());
            Assert.Equal(email, result.GetProperty("user").GetString());

            // The same page by IP is another origin, not in Latchkey:Cors:AllowedOrigins.
            await page.GotoAsync($"http://127.0.0.1:{server.AppPort}/");
            var refused = await page.EvaluateAsync<string>("args => tryUpstreamCall(args)", args);
            Assert.StartsWith("failed:", refused);
        }
        finally
        {
            await context.CloseAsync();
        }
    }
}
