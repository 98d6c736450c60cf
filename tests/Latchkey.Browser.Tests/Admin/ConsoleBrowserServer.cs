namespace Latchkey.Browser.Tests.Admin;

/// <summary>The browser server with webhooks allowed to reach a loopback receiver the test runs (as the API's webhook tests allow).</summary>
public sealed class ConsoleBrowserServer : BrowserServer
{
    protected override void Configure(IDictionary<string, string?> settings)
    {
        settings["Latchkey:Webhooks:AllowPrivateNetworks"] = "true";
        settings["Latchkey:Webhooks:AllowedHttpHosts:0"] = "127.0.0.1";
    }
}
