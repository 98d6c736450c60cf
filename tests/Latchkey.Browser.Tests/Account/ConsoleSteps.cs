using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using SkiaSharp;
using Xunit;

namespace Latchkey.Browser.Tests.Account;

/// <summary>What the account console's browser tests share: a picture to upload, the TOTP key a page shows, an app to consent to.</summary>
internal static class ConsoleSteps
{
    public static async Task GoAsync(IPage page, BrowserServer server, string path)
    {
        var response = await page.GotoAsync(server.Origin + path);
        Assert.Equal(200, response!.Status);
    }

    /// <summary>A small PNG, as a phone's photo would be (decoded and redrawn by the server).</summary>
    public static byte[] Picture()
    {
        using var bitmap = new SKBitmap(120, 80);
        bitmap.Erase(new SKColor(30, 90, 160));
        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    /// <summary>Decodes the Base32 key the enrolment page shows (RFC 4648, no padding), as an authenticator app reads it.</summary>
    public static byte[] Base32(string text)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bytes = new List<byte>();
        int buffer = 0, bits = 0;
        foreach (var c in text.TrimEnd('='))
        {
            buffer = (buffer << 5) | alphabet.IndexOf(c, StringComparison.Ordinal);
            bits += 5;
            if (bits < 8) continue;
            bytes.Add((byte)(buffer >> (bits - 8)));
            bits -= 8;
        }
        return [.. bytes];
    }

    /// <summary>A third-party application (made by the bootstrap administrator) and its authorize URL, so the browser meets the consent page.</summary>
    public static async Task<string> ThirdPartyAuthorizeUrlAsync(BrowserServer server, string name)
    {
        using var admin = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = server.Direct };
        var login = await admin.PostAsJsonAsync("/api/auth/login", new { email = BrowserServer.AdminEmail, password = BrowserServer.AdminPassword });
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        var redirect = server.Origin + "/rp/callback";
        var created = await admin.PostAsJsonAsync("/api/admin/oauth-clients", new
        {
            name, redirectUris = new[] { redirect }, grantTypes = new[] { "authorization_code" }, tokenEndpointAuthMethod = "none", firstParty = false,
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var clientId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("client").GetProperty("clientId").GetString();
        return $"{server.Origin}/api/oauth/authorize?response_type=code&client_id={clientId}&redirect_uri={Uri.EscapeDataString(redirect)}"
            + "&scope=openid%20email%20profile&state=s&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=S256";
    }
}
