using System.Diagnostics.Metrics;
using Latchkey.Core.Audit;

namespace Latchkey.Core.Common;

/// <summary>
/// Latchkey's own instruments (meter <c>Latchkey</c>), exported with the ASP.NET Core and Npgsql ones when metrics are
/// on. Counters are bumped where the event is decided (the activity log, refresh rotation, token signing); a counter
/// with no listener costs one check, so hot paths pay nothing when metrics are off.
/// </summary>
public sealed class LatchkeyMetrics
{
    public const string MeterName = "Latchkey";

    private readonly Counter<long> _events;
    private readonly Counter<long> _signIns;
    private readonly Counter<long> _refreshes;
    private readonly Counter<long> _accessTokens;

    public LatchkeyMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _events = meter.CreateCounter<long>("latchkey.events", description: "Security events recorded in the activity log, by type and outcome.");
        _signIns = meter.CreateCounter<long>("latchkey.sign_ins", description: "Password sign-ins by outcome (success, failure).");
        _refreshes = meter.CreateCounter<long>("latchkey.refreshes", description: "Refresh token rotations by outcome (success, failure).");
        _accessTokens = meter.CreateCounter<long>("latchkey.access_tokens_issued", description: "Access tokens signed.");
    }

    public void Event(string type, bool success)
    {
        var outcome = Outcome(success);
        _events.Add(1, new("type", type), new("outcome", outcome));
        if (type is ActivityTypes.LoginSucceeded or ActivityTypes.LoginFailed) _signIns.Add(1, new KeyValuePair<string, object?>("outcome", outcome));
    }

    public void Refresh(bool success) => _refreshes.Add(1, new KeyValuePair<string, object?>("outcome", Outcome(success)));

    public void AccessTokenIssued() => _accessTokens.Add(1);

    private static string Outcome(bool success) => success ? "success" : "failure";
}
