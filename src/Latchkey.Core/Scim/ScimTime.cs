namespace Latchkey.Core.Scim;

/// <summary>
/// The time SCIM stamps on a change, at millisecond precision: what both databases store exactly, so the
/// <c>meta.version</c> in a response matches the one the next read computes.
/// </summary>
internal static class ScimTime
{
    public static DateTime Now(TimeProvider clock)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMillisecond));
    }
}
