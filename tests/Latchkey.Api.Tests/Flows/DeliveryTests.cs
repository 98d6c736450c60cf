using System.Net;
using Latchkey.Api.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace Latchkey.Api.Tests.Flows;

/// <summary>An SMTP server that refuses connections: every send fails, twice, one second apart.</summary>
public sealed class UnreachableSmtpServer : LatchkeyServer
{
    protected override void Configure(IDictionary<string, string?> settings)
    {
        var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        settings["Latchkey:Email:Mode"] = "smtp";
        settings["Latchkey:Email:Smtp:Host"] = "127.0.0.1";
        settings["Latchkey:Email:Smtp:Port"] = port.ToString();
        settings["Latchkey:Email:Smtp:Security"] = "none";
        settings["Latchkey:Messaging:MaxAttempts"] = "2";
        settings["Latchkey:Messaging:RetryDelay"] = "00:00:01";
    }
}

public sealed class DeliveryFailureTests(UnreachableSmtpServer server) : IClassFixture<UnreachableSmtpServer>
{
    [Fact]
    public async Task A_failed_send_is_kept_retried_and_reported_not_lost()
    {
        var email = Accounts.NewEmail();
        // The request succeeds: the message waits in the outbox table, committed with its ticket.
        Assert.Equal(HttpStatusCode.Created,
            (await server.CreateClient().PostJsonAsync("/api/auth/register", new { email, password = Accounts.Password })).StatusCode);

        var message = await WaitForAsync(email, m => m.Attempts == 1 && m.LastError != null);
        Assert.Equal("pending", message.Status);
        Assert.NotEmpty(message.ProtectedContent);
        Assert.DoesNotContain("token=", message.ProtectedContent);

        server.Clock.Advance(TimeSpan.FromSeconds(2));
        var failed = await WaitForAsync(email, m => m.Status == "failed");
        Assert.Equal(2, failed.Attempts);
        Assert.Empty(failed.ProtectedContent);
        Assert.True(await server.QueryAsync(db => db.Activity.AnyAsync(a => a.Type == "message.delivery_failed" && a.Details!.Contains(failed.Id.ToString()))));
    }

    private async Task<Core.Messaging.OutgoingMessage> WaitForAsync(string to, Func<Core.Messaging.OutgoingMessage, bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            var row = await server.QueryAsync(db => db.OutgoingMessages.AsNoTracking().SingleOrDefaultAsync(m => m.Recipient == to));
            if (row is not null && condition(row)) return row;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Outbox row for {to}: {row?.Status} {row?.Attempts} {row?.LastError}");
            await Task.Delay(50);
        }
    }
}

/// <summary>Templates overridden from a folder, per locale, with the product name filled in.</summary>
public sealed class CustomTemplatesServer : LatchkeyServer
{
    public string TemplatePath { get; } = Directory.CreateTempSubdirectory("latchkey-templates-").FullName;

    protected override void Configure(IDictionary<string, string?> settings)
    {
        Directory.CreateDirectory(Path.Combine(TemplatePath, "en"));
        Directory.CreateDirectory(Path.Combine(TemplatePath, "fr"));
        File.WriteAllText(Path.Combine(TemplatePath, "en", "magic-link.subject.txt"), "Your {{product}} key");
        File.WriteAllText(Path.Combine(TemplatePath, "fr", "magic-link.subject.txt"), "Votre lien {{product}}");
        File.WriteAllText(Path.Combine(TemplatePath, "fr", "magic-link.txt"), "Bonjour, ouvrez {{link}} (valable {{expiresIn}}).");
        settings["Latchkey:Messaging:TemplatePath"] = TemplatePath;
        settings["Latchkey:ProductName"] = "Acme <ID>";
    }
}

public sealed class TemplateTests(CustomTemplatesServer server) : IClassFixture<CustomTemplatesServer>
{
    private async Task<Email> MagicLinkAsync(string? language)
    {
        var email = Accounts.NewEmail();
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/magic-link") { Content = System.Net.Http.Json.JsonContent.Create(new { email }) };
        if (language is not null) request.Headers.TryAddWithoutValidation("Accept-Language", language);
        Assert.Equal(HttpStatusCode.OK, (await server.CreateClient().SendAsync(request)).StatusCode);
        return await server.OutboxMailAsync(email);
    }

    [Fact]
    public async Task A_template_folder_overrides_the_shipped_files_and_the_rest_falls_back()
    {
        var mail = await MagicLinkAsync(null);
        Assert.Equal("Your Acme <ID> key", mail.Subject);
        Assert.Contains("sign in to Acme <ID>", mail.Text);
        Assert.Contains("Acme &lt;ID&gt;", mail.Html);
    }

    [Fact]
    public async Task The_callers_language_picks_the_locale_with_fallback_to_English()
    {
        var mail = await MagicLinkAsync("fr-CA, en;q=0.5");
        Assert.Equal("Votre lien Acme <ID>", mail.Subject);
        Assert.StartsWith("Bonjour, ouvrez http://latchkey.test/magic-link?token=", mail.Text);
        Assert.Contains("15 minutes", mail.Text);
        // No French HTML was given: the shipped English one is used.
        Assert.Contains("Sign in to Acme &lt;ID&gt;", mail.Html);

        Assert.Equal("Your Acme <ID> key", (await MagicLinkAsync("../../etc")).Subject);
    }
}
