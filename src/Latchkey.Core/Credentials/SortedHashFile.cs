using Microsoft.Win32.SafeHandles;

namespace Latchkey.Core.Credentials;

/// <summary>
/// Binary search over a sorted text file of SHA-1 hex hashes ("HASH" or "HASH:COUNT" per line) without
/// loading it: the full Pwned Passwords list is tens of gigabytes, so each lookup reads a few dozen short
/// ranges instead. Positional reads keep concurrent lookups on one handle independent.
/// </summary>
internal sealed class SortedHashFile : IDisposable
{
    // Real lines are 40 hex digits plus a count; anything this long means the file is not in our format.
    private const int MaxLineBytes = 256;

    private readonly SafeFileHandle _handle;
    private readonly long _length;

    private SortedHashFile(SafeFileHandle handle)
    {
        _handle = handle;
        _length = RandomAccess.GetLength(handle);
    }

    public static SortedHashFile Open(string path) =>
        new(File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read));

    /// <summary>Whether <paramref name="upperHexHash"/> is listed with a count other than 0.</summary>
    /// <exception cref="InvalidDataException">A line is too long to be part of a hash list.</exception>
    public bool Contains(string upperHexHash)
    {
        Span<byte> target = stackalloc byte[upperHexHash.Length];
        for (var i = 0; i < target.Length; i++)
        {
            target[i] = (byte)upperHexHash[i];
        }

        Span<byte> buffer = stackalloc byte[MaxLineBytes + 1];

        // Invariant: if the target is listed, its line starts within [low, high); low is always a line start.
        long low = 0, high = _length;
        while (low < high)
        {
            var middle = low + ((high - low) / 2);
            var start = LineStartAtOrAfter(middle, buffer);
            if (start >= high)
            {
                // No line starts in [middle, high), so the target, if listed, starts before middle.
                high = middle;
                continue;
            }

            var line = ReadLine(start, buffer, out var next);
            var comparison = CompareKey(line, target);
            if (comparison == 0)
            {
                return HasNonZeroCount(line);
            }

            if (comparison < 0)
            {
                low = next;
            }
            else
            {
                high = middle;
            }
        }

        return false;
    }

    public void Dispose() => _handle.Dispose();

    private long LineStartAtOrAfter(long position, Span<byte> buffer)
    {
        if (position == 0)
        {
            return 0;
        }

        // Reading from position - 1 finds the newline that ends the previous line when position is already a line start.
        var read = RandomAccess.Read(_handle, buffer, position - 1);
        var newline = buffer[..read].IndexOf((byte)'\n');
        if (newline >= 0)
        {
            return position + newline;
        }

        return position - 1 + read >= _length ? _length : throw LineTooLong();
    }

    private ReadOnlySpan<byte> ReadLine(long start, Span<byte> buffer, out long next)
    {
        var read = RandomAccess.Read(_handle, buffer, start);
        var newline = buffer[..read].IndexOf((byte)'\n');
        ReadOnlySpan<byte> line;
        if (newline >= 0)
        {
            line = buffer[..newline];
            next = start + newline + 1;
        }
        else if (start + read >= _length)
        {
            line = buffer[..read];
            next = _length;
        }
        else
        {
            throw LineTooLong();
        }

        return line.TrimEnd((byte)'\r');
    }

    // Lowercase hex sorts in the same order as uppercase (digits before letters either way), so files in
    // either case work as long as they are sorted.
    private static int CompareKey(ReadOnlySpan<byte> line, ReadOnlySpan<byte> target)
    {
        var colon = line.IndexOf((byte)':');
        var key = (colon >= 0 ? line[..colon] : line).Trim((byte)' ');
        var common = Math.Min(key.Length, target.Length);
        for (var i = 0; i < common; i++)
        {
            var difference = ToUpperAscii(key[i]) - target[i];
            if (difference != 0)
            {
                return difference;
            }
        }

        return key.Length - target.Length;
    }

    // A line without a count is a plain listing; an explicit count of 0 is a padding entry, as in HIBP responses.
    private static bool HasNonZeroCount(ReadOnlySpan<byte> line)
    {
        var colon = line.IndexOf((byte)':');
        if (colon < 0)
        {
            return true;
        }

        var count = line[(colon + 1)..].Trim((byte)' ');
        return count.IsEmpty || count.ContainsAnyExcept((byte)'0');
    }

    private static byte ToUpperAscii(byte value) => value is >= (byte)'a' and <= (byte)'z' ? (byte)(value - 32) : value;

    private static InvalidDataException LineTooLong() =>
        new($"A line in the breached-password file is longer than {MaxLineBytes} bytes; expected SHA-1 hex hashes, one per line.");
}
