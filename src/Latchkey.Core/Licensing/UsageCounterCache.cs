using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Latchkey.Core.Licensing;

/// <summary>
/// The node's copy of each license's usage counters for a period, so a metered entitlement check (which applications
/// may make on every request) does not read the counter each time. A copy answers for
/// <see cref="LicensingOptions.UsageCacheAge"/> (1 s by default) after it was read; usage recorded through this node
/// replaces the feature's figure with the value the recording wrote, so this node's checks see its own reports at
/// once, and reports through other nodes show within the age. The map is bounded; a license with no counter row for
/// the period is cached too (as no use), since its first report goes through the same recording path.
/// </summary>
public sealed class UsageCounterCache(IOptions<LicensingOptions> options, TimeProvider clock)
{
    private const int MaxEntries = 100_000;
    private readonly ConcurrentDictionary<(Guid LicenseId, DateTime PeriodStart), Entry> _entries = new();

    private sealed record Entry(IReadOnlyList<LicenseUsage> Rows, long ReadAtTicks);

    /// <summary>The counters of every one of <paramref name="periodStarts"/>, if all are cached and young enough.</summary>
    public bool TryGet(Guid licenseId, IReadOnlyList<DateTime> periodStarts, out IReadOnlyList<LicenseUsage> usage)
    {
        usage = [];
        var oldest = clock.GetUtcNow().UtcTicks - options.Value.UsageCacheAge.Ticks;
        // One period is every check of a plan whose metered features share a period: answered without a new list.
        if (periodStarts.Count == 1)
        {
            if (!_entries.TryGetValue((licenseId, periodStarts[0]), out var one) || one.ReadAtTicks <= oldest) return false;
            usage = one.Rows;
            return true;
        }
        var rows = new List<LicenseUsage>();
        foreach (var start in periodStarts)
        {
            if (!_entries.TryGetValue((licenseId, start), out var entry) || entry.ReadAtTicks <= oldest) return false;
            rows.AddRange(entry.Rows);
        }
        usage = rows;
        return true;
    }

    /// <summary>Keeps counters read at <paramref name="readAtTicks"/> (taken before the read).</summary>
    public void Remember(Guid licenseId, IReadOnlyList<DateTime> periodStarts, IReadOnlyList<LicenseUsage> rows, long readAtTicks)
    {
        if (options.Value.UsageCacheAge <= TimeSpan.Zero) return;
        if (_entries.Count >= MaxEntries) _entries.Clear();
        foreach (var start in periodStarts)
            _entries[(licenseId, start)] = new Entry([.. rows.Where(r => r.PeriodStart == start)], readAtTicks);
    }

    /// <summary>A report recorded through this node: the feature's counter is now <paramref name="used"/>.</summary>
    public void Recorded(Guid licenseId, string feature, DateTime periodStart, long used)
    {
        var key = (licenseId, periodStart);
        if (!_entries.TryGetValue(key, out var entry)) return;
        var rows = entry.Rows.Where(r => r.Feature != feature)
            .Append(new LicenseUsage { LicenseId = licenseId, Feature = feature, PeriodStart = periodStart, Used = used }).ToList();
        // Another report may have replaced the entry meanwhile; then the next check within the age may miss this one
        // figure's latest value by one report, and the age bounds that.
        _entries.TryUpdate(key, entry with { Rows = rows }, entry);
    }

    public long NowTicks => clock.GetUtcNow().UtcTicks;
}
