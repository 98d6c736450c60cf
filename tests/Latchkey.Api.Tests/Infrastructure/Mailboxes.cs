namespace Latchkey.Api.Tests.Infrastructure;

/// <summary>
/// Where tests read mail: the server's development outbox (.eml files), or the Maildir of the real SMTP sink
/// that scripts/test.sh starts (aiosmtpd, LATCHKEY_TEST_SMTP_HOST/PORT, LATCHKEY_TEST_MAILDIR). Recipients are
/// unique per test, so a test sees only its own messages.
/// </summary>
public static class Mailboxes
{
    public static string SmtpHost => Required("LATCHKEY_TEST_SMTP_HOST");
    public static string SmtpPort => Required("LATCHKEY_TEST_SMTP_PORT");
    public static string Maildir => Path.Combine(Required("LATCHKEY_TEST_MAILDIR"), "new");

    /// <summary>Waits until <paramref name="count"/> messages to <paramref name="to"/> have arrived in <paramref name="folder"/>; returns them oldest first.</summary>
    public static async Task<IReadOnlyList<Email>> WaitForAsync(string folder, string to, int count = 1, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(15));
        while (true)
        {
            var found = Read(folder, to);
            if (found.Count >= count) return found;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"Expected {count} message(s) to {to} in {folder}, found {found.Count}.");
            await Task.Delay(50);
        }
    }

    public static async Task<Email> LatestAsync(string folder, string to, int count = 1) => (await WaitForAsync(folder, to, count))[count - 1];

    /// <summary>The messages to <paramref name="to"/> right now (for "nothing was sent" checks, after a wait for something that was).</summary>
    public static IReadOnlyList<Email> Read(string folder, string to)
    {
        if (!Directory.Exists(folder)) return [];
        return new DirectoryInfo(folder).GetFiles().Where(f => !f.Name.StartsWith('.'))
            .Select(f => (File: f, Text: TryRead(f.FullName)))
            .Where(x => x.Text is not null && x.Text.Contains(to, StringComparison.OrdinalIgnoreCase))
            .Select(x => (x.File, Mail: TryParse(x.Text!)))
            .Where(x => x.Mail is not null && x.Mail.To.Contains(to, StringComparison.OrdinalIgnoreCase))
            .OrderBy(x => x.File.LastWriteTimeUtc).ThenBy(x => x.File.Name)
            .Select(x => x.Mail!).ToList();
    }

    private static Email? TryParse(string raw)
    {
        try
        {
            return Email.Parse(raw);
        }
        catch (FormatException)
        {
            return null; // the outbox file is still being written
        }
    }

    private static string? TryRead(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (IOException)
        {
            return null; // still being written
        }
    }

    private static string Required(string name) => Environment.GetEnvironmentVariable(name) is { Length: > 0 } value
        ? value
        : throw new InvalidOperationException($"{name} is not set: run the suite through scripts/test.sh, which starts the SMTP sink.");
}
