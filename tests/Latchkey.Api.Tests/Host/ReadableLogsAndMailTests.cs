using System.Collections.Concurrent;
using System.Net;
using Latchkey.Api.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;
using Xunit;

namespace Latchkey.Api.Tests.Host;

/// <summary>A server whose request log and outbox lines are captured (the console is not readable in-process).</summary>
public sealed class LogCapturingServer : LatchkeyServer
{
    public LogCapture Logs { get; } = new();

    protected override void Configure(IDictionary<string, string?> settings)
    {
        settings["Logging:LogLevel:Latchkey.Requests"] = "Information";
        settings["Logging:LogLevel:Latchkey.Core.Messaging"] = "Information";
    }

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<ILoggerProvider>(Logs);
}

public sealed class LogCapture : ILoggerProvider
{
    public ConcurrentQueue<(string Category, string Message)> Entries { get; } = new();
    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);
    public void Dispose() { }

    private sealed class Logger(LogCapture capture, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => true;
        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            capture.Entries.Enqueue((category, formatter(state, exception)));
    }
}

/// <summary>Readable logs and mail (issue 12, item 9).</summary>
public sealed class ReadableLogsAndMailTests(LogCapturingServer server) : IClassFixture<LogCapturingServer>
{
    [Fact]
    public async Task Every_request_gets_one_line_with_method_path_status_duration_and_request_id_but_no_query()
    {
        var response = await server.CreateClient().GetAsync("/v1/user?ticket=secret-ticket-value");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);

        var lines = await WaitForAsync(e => e.Category == "Latchkey.Requests" && e.Message.Contains("/v1/user"));
        var line = Assert.Single(lines).Message;
        Assert.Matches(@"^GET /v1/user 401 in \d+(\.\d)? ms \(request \S+\)$", line);
        Assert.DoesNotContain("secret-ticket-value", line);
    }

    [Fact]
    public async Task Outbox_mail_has_a_readable_text_part_and_its_link_is_logged_verbatim()
    {
        var email = await server.CreateClient().RegisterAsync();
        var mail = await Mailboxes.LatestAsync(server.OutboxPath, email);

        Assert.DoesNotContain("base64", mail.Raw, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Content-Transfer-Encoding: quoted-printable", mail.Raw);
        var sentence = mail.Text.Split('\n').Select(l => l.Trim()).First(l => l.Length > 20 && !l.Contains("://"));
        Assert.Contains(sentence[..20], mail.Raw); // the text is there as text, not encoded away

        var logged = await WaitForAsync(e => e.Message.StartsWith("Outbox: email", StringComparison.Ordinal) && e.Message.Contains(email));
        Assert.Contains("link: " + mail.Link, logged.Single().Message);
    }

    [Fact]
    public void The_json_console_formatter_writes_links_verbatim()
    {
        var json = server.Services.GetServices<ConsoleFormatter>().Single(f => f.Name == ConsoleFormatterNames.Json);
        const string link = "http://latchkey.test/verify?token=abc+def&type=email";
        var entry = new LogEntry<string>(LogLevel.Information, "Test", new EventId(1), "link: " + link, null, (s, _) => s);
        using var writer = new StringWriter();
        json.Write(entry, null, writer);

        Assert.Contains(link, writer.ToString());
        Assert.DoesNotContain("\\u0026", writer.ToString());
    }

    [Theory]
    [InlineData(null, true, "simple")]
    [InlineData(null, false, "json")]
    [InlineData("json", true, "json")]
    [InlineData("simple", false, "simple")]
    public void Text_logs_in_development_json_elsewhere_unless_configured(string? configured, bool development, string expected) =>
        Assert.Equal(expected, Latchkey.Server.ConsoleLogging.FormatterFor(configured, development));

    private async Task<List<(string Category, string Message)>> WaitForAsync(Func<(string Category, string Message), bool> match)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var found = server.Logs.Entries.Where(match).ToList();
            if (found.Count > 0 || DateTime.UtcNow > deadline) return found;
            await Task.Delay(20); // the request line is written as the response completes, after the client has it
        }
    }
}
