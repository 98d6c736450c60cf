using Latchkey.Api.Tests.Admin;

namespace Latchkey.Api.Tests.Webhooks;

/// <summary>
/// A server with a bootstrap administrator whose webhooks may reach the loopback receivers of the tests, with short
/// retry delays (the tests move the clock rather than wait) and a fast poll.
/// </summary>
public class WebhookServer : AdminServer
{
    protected virtual bool AllowPrivateNetworks => true;

    protected override void Configure(IDictionary<string, string?> settings)
    {
        base.Configure(settings);
        settings["Latchkey:Webhooks:AllowPrivateNetworks"] = AllowPrivateNetworks ? "true" : "false";
        settings["Latchkey:Webhooks:AllowedHttpHosts:0"] = "127.0.0.1";
        settings["Latchkey:Webhooks:RetryDelay"] = "00:00:05";
        settings["Latchkey:Webhooks:MaxRetryDelay"] = "00:00:10";
        settings["Latchkey:Webhooks:PollInterval"] = "00:00:00.100";
        settings["Latchkey:Webhooks:MaxAttempts"] = "3";
    }
}

/// <summary>The default: private and loopback addresses refused.</summary>
public sealed class PublicOnlyWebhookServer : WebhookServer
{
    protected override bool AllowPrivateNetworks => false;
}
