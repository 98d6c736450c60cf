namespace Latchkey.Core.Admin.Analytics;

/// <summary>The width of an analytics bucket, and the rollup granularity it is read from.</summary>
public sealed record AnalyticsInterval(string Name, TimeSpan Length, TimeSpan DefaultSpan)
{
    public static readonly AnalyticsInterval Hour = new("hour", TimeSpan.FromHours(1), TimeSpan.FromHours(24));
    public static readonly AnalyticsInterval Day = new("day", TimeSpan.FromDays(1), TimeSpan.FromDays(30));

    public static AnalyticsInterval? Find(string name) =>
        name == Hour.Name ? Hour : name == Day.Name ? Day : null;

    public DateTime Floor(DateTime time) => new(time.Ticks - time.Ticks % Length.Ticks, DateTimeKind.Utc);

    public DateTime Ceiling(DateTime time) => Floor(time) == time ? Floor(time) : Floor(time) + Length;
}
