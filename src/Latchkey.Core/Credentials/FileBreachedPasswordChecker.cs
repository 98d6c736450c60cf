using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Latchkey.Core.Credentials;

/// <summary>
/// Checks against a local copy of a breached-password list (e.g. the downloadable Pwned Passwords SHA-1 set),
/// for installations that must not send anything out. The file is opened on first use and kept open.
/// </summary>
public sealed partial class FileBreachedPasswordChecker(
    IOptions<BreachCheckOptions> options,
    ILogger<FileBreachedPasswordChecker> logger) : IBreachedPasswordChecker, IDisposable
{
    private readonly Lock _gate = new();
    private SortedHashFile? _file;

    public Task<bool?> IsBreachedAsync(string password, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var path = options.Value.PrefixFilePath ?? string.Empty;
        try
        {
            return Task.FromResult<bool?>(GetFile(path).Contains(PasswordSha1.UpperHex(password)));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or InvalidDataException)
        {
            // Missing, unreadable or not in our format: the caller's FailClosed setting decides what that means.
            LogUnreadable(logger, ex, path);
            return Task.FromResult<bool?>(null);
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _file?.Dispose();
            _file = null;
        }
    }

    // Not cached on failure: a file that appears later (mounted volume, finished download) is picked up.
    private SortedHashFile GetFile(string path)
    {
        lock (_gate)
        {
            return _file ??= SortedHashFile.Open(path);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Breach check: cannot read breached-password file {Path}.")]
    private static partial void LogUnreadable(ILogger logger, Exception exception, string path);
}
