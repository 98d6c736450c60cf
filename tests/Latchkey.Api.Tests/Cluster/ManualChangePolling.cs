using Latchkey.Api.Tests.Infrastructure;
using Latchkey.Core.Cluster;
using Microsoft.Extensions.DependencyInjection;

namespace Latchkey.Api.Tests.Cluster;

/// <summary>
/// For servers whose change feed polls only when a test says so (and once at start): a test writes a row as
/// another node would, shows the node cache still holding the old answer, polls, and shows it followed.
/// </summary>
public static class ManualChangePolling
{
    public static void Configure(IDictionary<string, string?> settings) => settings["Latchkey:Cluster:ChangePollInterval"] = "00:01:00";

    /// <summary>What every node does on its own twice a second: read the change versions, drop what moved.</summary>
    public static Task PollAsync(LatchkeyServer server) => server.Services.GetRequiredService<ChangeFeed>().PollAsync(CancellationToken.None);
}
