namespace Latchkey.Pages.Admin;

/// <summary>One bar of a <see cref="SeriesChart"/>: its bucket's label and value.</summary>
public sealed record ChartPoint(string Label, int Value);
