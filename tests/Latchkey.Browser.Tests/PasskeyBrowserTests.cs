using System.Text.Json;
using Xunit;

namespace Latchkey.Browser.Tests;

public sealed class PasskeyBrowserTests(BrowserServer server) : IClassFixture<BrowserServer>
{
    private const string Password = "velvet-Harbor-92-quiet-Lantern";

    /// <summary>Registers and signs in with a password, then adds a passkey through the real endpoints.</summary>
    private static async Task<string> AccountWithPasskeyAsync(PasskeyPage page)
    {
        var email = $"browser-{Guid.NewGuid():N}@example.com";
        Assert.Equal(201, Status(await page.CallApiAsync("/api/auth/register", new { email, password = Password, firstName = "Ada", lastName = "Lovelace" })));
        Assert.Equal(200, Status(await page.CallApiAsync("/api/auth/login", new { email, password = Password })));

        var registered = await page.RunAsync("name => registerPasskey(name)", "Virtual authenticator");
        Assert.Equal(201, Status(registered));
        Assert.Equal("Virtual authenticator", registered.GetProperty("body").GetProperty("passkey").GetProperty("deviceName").GetString());

        var list = await page.CallApiAsync("/api/user/passkeys");
        Assert.Single(list.GetProperty("body").GetProperty("passkeys").EnumerateArray());
        var security = await page.CallApiAsync("/api/user/security");
        Assert.Equal(1, security.GetProperty("body").GetProperty("security").GetProperty("passkeyCount").GetInt32());

        Assert.Equal(200, Status(await page.CallApiAsync("/api/auth/logout", new { })));
        Assert.Equal(401, Status(await page.CallApiAsync("/api/auth/me")));
        return email;
    }

    [Fact]
    public async Task Registers_a_passkey_signs_out_and_signs_in_with_it()
    {
        await using var page = await PasskeyPage.OpenAsync(server);
        var email = await AccountWithPasskeyAsync(page);

        var signedIn = await page.RunAsync("() => signInWithPasskey(null)");
        Assert.Equal(200, Status(signedIn));
        Assert.Equal(email, signedIn.GetProperty("body").GetProperty("user").GetProperty("email").GetString());

        var me = await page.CallApiAsync("/api/auth/me");
        Assert.Equal(200, Status(me));
        var sessions = await page.CallApiAsync("/api/user/sessions");
        Assert.Contains(sessions.GetProperty("body").GetProperty("sessions").EnumerateArray(),
            s => s.GetProperty("authMethod").GetString() == "passkey" && s.GetProperty("isCurrent").GetBoolean());
        var passkeys = await page.CallApiAsync("/api/user/passkeys");
        Assert.NotEqual(JsonValueKind.Null, passkeys.GetProperty("body").GetProperty("passkeys")[0].GetProperty("lastUsedAt").ValueKind);
    }

    [Fact]
    public async Task Signs_in_with_conditional_ui_without_a_user_name()
    {
        await using var page = await PasskeyPage.OpenAsync(server);
        var email = await AccountWithPasskeyAsync(page);
        Assert.True((await page.RunAsync("() => PublicKeyCredential.isConditionalMediationAvailable()")).GetBoolean());

        // The conditional request waits for the autofill UI; focusing the username field opens it and the
        // virtual authenticator (automatic presence) answers with its discoverable credential.
        var pending = page.RunAsync("() => signInWithPasskey('conditional')");
        await page.Page.FocusAsync("#username");
        var signedIn = await pending;

        Assert.Equal(200, Status(signedIn));
        Assert.Empty(signedIn.GetProperty("allowCredentials").EnumerateArray());
        Assert.Equal(email, signedIn.GetProperty("body").GetProperty("user").GetProperty("email").GetString());
        Assert.Equal(200, Status(await page.CallApiAsync("/api/auth/me")));
    }

    private static int Status(JsonElement response) => response.GetProperty("status").GetInt32();
}
