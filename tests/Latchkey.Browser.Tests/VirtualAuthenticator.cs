using Microsoft.Playwright;

namespace Latchkey.Browser.Tests;

/// <summary>Chromium's virtual WebAuthn authenticator over the DevTools protocol, as the passkey tests use it.</summary>
public static class VirtualAuthenticator
{
    /// <summary>Attaches a CTAP2 platform authenticator (internal transport, resident keys, user verification) that answers on its own.</summary>
    public static async Task AddAsync(IBrowserContext context, IPage page)
    {
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
    }
}
