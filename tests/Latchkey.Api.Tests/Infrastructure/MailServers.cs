namespace Latchkey.Api.Tests.Infrastructure;

/// <summary>Delivers email over SMTP to the real sink scripts/test.sh starts (a Maildir the tests read).</summary>
public class SmtpSinkServer : LatchkeyServer
{
    protected override void Configure(IDictionary<string, string?> settings)
    {
        settings["Latchkey:Email:Mode"] = "smtp";
        settings["Latchkey:Email:Smtp:Host"] = Mailboxes.SmtpHost;
        settings["Latchkey:Email:Smtp:Port"] = Mailboxes.SmtpPort;
        // The local sink speaks plain SMTP; production defaults to STARTTLS.
        settings["Latchkey:Email:Smtp:Security"] = "none";
        settings["Latchkey:Email:From"] = "accounts@latchkey.test";
    }

    public Task<Email> MailAsync(string to, int count = 1) => this.Explained(Mailboxes.LatestAsync(Mailboxes.Maildir, to, count), to);
}

/// <summary>Sends SMS through a real local HTTP server speaking Twilio's Messages API.</summary>
public class TwilioServer : LatchkeyServer
{
    public FakeTwilio Twilio { get; } = new();

    protected override ValueTask BeforeStartAsync() => Twilio.InitializeAsync();

    protected override ValueTask AfterStopAsync() => Twilio.DisposeAsync();

    protected override void Configure(IDictionary<string, string?> settings)
    {
        settings["Latchkey:Sms:Mode"] = "twilio";
        settings["Latchkey:Sms:Twilio:BaseUrl"] = Twilio.BaseUrl;
        settings["Latchkey:Sms:Twilio:AccountSid"] = FakeTwilio.AccountSid;
        settings["Latchkey:Sms:Twilio:AuthToken"] = FakeTwilio.AuthToken;
        settings["Latchkey:Sms:Twilio:From"] = FakeTwilio.From;
    }
}

public static class OutboxExtensions
{
    public static Task<Email> OutboxMailAsync(this LatchkeyServer server, string to, int count = 1) =>
        server.Explained(Mailboxes.LatestAsync(server.OutboxPath, to, count), to);

    /// <summary>When a message does not arrive, says what the outbox table knows about it.</summary>
    public static async Task<T> Explained<T>(this LatchkeyServer server, Task<T> wait, string to)
    {
        try
        {
            return await wait;
        }
        catch (TimeoutException ex)
        {
            var rows = await server.QueryAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(
                db.OutgoingMessages.Where(m => m.Recipient == to)));
            var state = string.Join("; ", rows.Select(m => $"{m.Template} {m.Status} attempts={m.Attempts} next={m.NextAttemptAt:O} error={m.LastError}"));
            throw new TimeoutException($"{ex.Message} Clock {server.Clock.GetUtcNow():O}. Outbox: {state}", ex);
        }
    }
}
