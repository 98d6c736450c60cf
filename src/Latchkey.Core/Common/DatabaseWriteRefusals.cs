namespace Latchkey.Core.Common;

/// <summary>
/// Remembers the last write the database refused (full disk, read-only), so <c>/health/ready</c> reports a full disk,
/// which no cheap probe can see. A refusal counts for <see cref="Window"/>: long enough for a load balancer to take the
/// node out, short enough that it is tried again by itself once the operator has freed space; a write stored since
/// ends it at once.
/// </summary>
public sealed class DatabaseWriteRefusals(TimeProvider clock)
{
    public static readonly TimeSpan Window = TimeSpan.FromSeconds(30);

    private (DateTimeOffset At, string Reason)? _last;

    public void Refused(string reason) => _last = (clock.GetUtcNow(), reason);

    /// <summary>A write was stored: whatever was refused before is over. A field read on every save, a write only after a refusal.</summary>
    public void Stored()
    {
        if (_last is not null) _last = null;
    }

    /// <summary>The reason of a refusal within the window, else null.</summary>
    public string? Recent() => _last is { } last && clock.GetUtcNow() - last.At < Window ? last.Reason : null;
}
