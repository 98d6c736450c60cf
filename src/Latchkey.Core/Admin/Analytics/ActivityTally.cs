using System.Text.Json;
using Latchkey.Core.Audit;

namespace Latchkey.Core.Admin.Analytics;

/// <summary>
/// Counts activity rows into buckets of one granularity. The rollup job and the live part of a query both count
/// with this one class, so a bucket reads the same before and after it is rolled up.
/// </summary>
internal sealed class ActivityTally(AnalyticsInterval granularity)
{
    private readonly Dictionary<DateTime, Dictionary<string, int>> _counts = [];
    private readonly Dictionary<DateTime, HashSet<Guid>> _active = [];

    public void AddAll(IEnumerable<ActivityEntry> entries)
    {
        foreach (var entry in entries) Add(entry);
    }

    private void Add(ActivityEntry entry)
    {
        var bucket = granularity.Floor(entry.CreatedAt);
        switch (entry.Type)
        {
            case ActivityTypes.UserRegistered:
                Increment(bucket, AnalyticsMetrics.Registrations);
                break;
            case ActivityTypes.LoginFailed:
                Increment(bucket, AnalyticsMetrics.Failures);
                break;
            case ActivityTypes.LoginSucceeded:
                Increment(bucket, AnalyticsMetrics.SignInPrefix + MethodOf(entry.Details));
                if (entry.UserId is { } user)
                {
                    if (!_active.TryGetValue(bucket, out var users)) _active[bucket] = users = [];
                    users.Add(user);
                }
                break;
        }
    }

    private void Increment(DateTime bucket, string metric)
    {
        if (!_counts.TryGetValue(bucket, out var metrics)) _counts[bucket] = metrics = new(StringComparer.Ordinal);
        metrics[metric] = metrics.GetValueOrDefault(metric) + 1;
    }

    /// <summary>Every non-zero figure, active users included.</summary>
    public List<RollupValue> Values()
    {
        var values = _counts.SelectMany(b => b.Value.Select(m => new RollupValue(b.Key, m.Key, m.Value))).ToList();
        values.AddRange(_active.Select(b => new RollupValue(b.Key, AnalyticsMetrics.ActiveUsers, b.Value.Count)));
        return values;
    }

    /// <summary>The sign-in method the activity row names (<c>{"method": "password", ...}</c>).</summary>
    internal static string MethodOf(string? details)
    {
        if (details is null) return AnalyticsMetrics.UnknownMethod;
        try
        {
            using var json = JsonDocument.Parse(details);
            return json.RootElement.ValueKind == JsonValueKind.Object
                && json.RootElement.TryGetProperty("method", out var method)
                && method.ValueKind == JsonValueKind.String
                && method.GetString() is { Length: > 0 and <= AnalyticsMetrics.MaxMethodLength } name
                ? name
                : AnalyticsMetrics.UnknownMethod;
        }
        catch (JsonException)
        {
            return AnalyticsMetrics.UnknownMethod;
        }
    }
}
