using System.Globalization;
using Latchkey.Core.Common;

namespace Latchkey.Core.Admin.Analytics;

/// <summary>A validated analytics request: whole buckets from <see cref="From"/> (inclusive) to <see cref="To"/> (exclusive).</summary>
public sealed record AnalyticsQuery(DateTime From, DateTime To, AnalyticsInterval Interval)
{
    /// <summary>The most buckets one answer holds: a month of hours, or about two years of days.</summary>
    public const int MaxBuckets = 744;

    public int BucketCount => (int)((To - From).Ticks / Interval.Length.Ticks);

    /// <summary>
    /// Parses the query string: <c>interval</c> <c>day</c> (default) or <c>hour</c>; <c>from</c> and <c>to</c> ISO 8601
    /// (default: the last 30 days or 24 hours up to now), widened to whole buckets. Each error names its field.
    /// </summary>
    public static Result<AnalyticsQuery> Parse(string? from, string? to, string? interval, DateTime now)
    {
        if (AnalyticsInterval.Find(interval ?? AnalyticsInterval.Day.Name) is not { } unit)
            return AuthError.Field("interval", "interval must be day or hour");
        if (!TryTime(to, out var end)) return AuthError.Field("to", "to must be an ISO 8601 date or time");
        if (!TryTime(from, out var start)) return AuthError.Field("from", "from must be an ISO 8601 date or time");
        var last = unit.Ceiling(end ?? now);
        var first = unit.Floor(start ?? last - unit.DefaultSpan);
        if (first >= last) return AuthError.Field("from", "from must be before to");
        var query = new AnalyticsQuery(first, last, unit);
        if (query.BucketCount > MaxBuckets)
            return AuthError.Field("to", $"the range holds {query.BucketCount} {unit.Name} buckets; at most {MaxBuckets} are allowed");
        return query;
    }

    private static bool TryTime(string? value, out DateTime? time)
    {
        time = null;
        if (value is null) return true;
        if (!DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed)) return false;
        // Years outside 2000..9000 are typos, and keep bucket arithmetic far from DateTime's limits.
        if (parsed.Year is < 2000 or > 9000) return false;
        time = parsed.UtcDateTime;
        return true;
    }
}
