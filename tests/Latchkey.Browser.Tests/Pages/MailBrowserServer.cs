using Latchkey.Api.Tests.Infrastructure;

namespace Latchkey.Browser.Tests.Pages;

/// <summary>
/// A browser server that mails through the real SMTP sink scripts/test.sh starts (the tests read its Maildir),
/// with a product name and accent colour of its own, so the pages are seen branded.
/// </summary>
public sealed class MailBrowserServer : BrowserServer
{
    public const string ProductName = "Acme Accounts";

    protected override void Configure(IDictionary<string, string?> settings)
    {
        settings["Latchkey:Email:Mode"] = "smtp";
        settings["Latchkey:Email:Smtp:Host"] = Mailboxes.SmtpHost;
        settings["Latchkey:Email:Smtp:Port"] = Mailboxes.SmtpPort;
        settings["Latchkey:Email:Smtp:Security"] = "none";
        settings["Latchkey:Email:From"] = "accounts@latchkey.test";
        settings["Latchkey:ProductName"] = ProductName;
        settings["Latchkey:Branding:AccentColor"] = "#0f5132";
    }

    /// <summary>The first message to <paramref name="to"/> whose text has <paramref name="containing"/>, as the sink received it.</summary>
    public static async Task<Email> MailAsync(string to, string containing)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (true)
        {
            if (Mailboxes.Read(Mailboxes.Maildir, to).FirstOrDefault(m => m.Text.Contains(containing, StringComparison.Ordinal)) is { } mail) return mail;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"No message to {to} with \"{containing}\" arrived.");
            await Task.Delay(100);
        }
    }

    /// <summary>The message to <paramref name="to"/> whose link opens <paramref name="path"/> on this server.</summary>
    public Task<Email> LinkMailAsync(string to, string path) => MailAsync(to, Origin + path + "?");
}
