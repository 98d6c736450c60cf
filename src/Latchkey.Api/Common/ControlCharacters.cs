using System.Buffers;

namespace Latchkey.Api.Common;

/// <summary>
/// Characters no identifier, credential or text field accepts: NUL (PostgreSQL text cannot hold it) and the
/// other C0 controls except tab, line feed and carriage return (which free text may contain).
/// </summary>
public static class ControlCharacters
{
    private static readonly SearchValues<char> Forbidden = SearchValues.Create(
        "\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u000B\u000C\u000E\u000F"
        + "\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F");

    public static bool Contain(ReadOnlySpan<char> text) => text.ContainsAny(Forbidden);
}
