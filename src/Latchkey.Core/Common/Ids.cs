namespace Latchkey.Core.Common;

/// <summary>Time-ordered ids (UUIDv7) keep primary-key indexes append-mostly on both databases.</summary>
public static class Ids
{
    public static Guid New() => Guid.CreateVersion7();
}
