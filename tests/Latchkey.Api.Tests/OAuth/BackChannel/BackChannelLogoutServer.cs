using Latchkey.Api.Tests.OAuth;

namespace Latchkey.Api.Tests.OAuth.BackChannel;

/// <summary>A server with a bootstrap administrator, a fast back-channel logout poll and short retries (the tests move the clock).</summary>
public sealed class BackChannelLogoutServer : OAuthServer
{
    protected override void Configure(IDictionary<string, string?> settings)
    {
        base.Configure(settings);
        settings["Latchkey:BackChannelLogout:RetryDelay"] = "00:00:05";
        settings["Latchkey:BackChannelLogout:MaxRetryDelay"] = "00:00:10";
        settings["Latchkey:BackChannelLogout:PollInterval"] = "00:00:00.100";
        settings["Latchkey:BackChannelLogout:MaxAttempts"] = "3";
    }
}
