using System.Text.Json;
using Xunit;

namespace Latchkey.Browser.Tests;

public sealed class PasskeyBrowserTests(BrowserServer server) : IClassFixture<BrowserServer>
{
    [Fact]
    public async Task Registers_a_passkey_signs_out_and_signs_in_with_it()
    {
        await using var page = await PasskeyPage.OpenAsync(server);
        var email = await page.AccountWithPasskeyAsync();

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
        var email = await page.AccountWithPasskeyAsync();
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

    private static int Status(JsonElement response) => PasskeyPage.Status(response);
}
