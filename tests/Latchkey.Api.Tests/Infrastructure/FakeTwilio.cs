using System.Collections.Concurrent;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Xunit;

namespace Latchkey.Api.Tests.Infrastructure;

/// <summary>
/// A real local HTTP server speaking Twilio's Messages API: <c>POST /2010-04-01/Accounts/{sid}/Messages.json</c>
/// with HTTP Basic auth and a form body (To, From, Body), answering 201 with the message resource, or
/// Twilio's error JSON. <see cref="FailNext"/> makes it answer 503 for one number to simulate an outage.
/// </summary>
public sealed class FakeTwilio : IAsyncLifetime
{
    public const string AccountSid = "AC00000000000000000000000000000001";
    public const string AuthToken = "test-auth-token";
    public const string From = "+15005550006";

    private WebApplication? _app;
    private readonly ConcurrentDictionary<string, int> _failNext = new();

    public string BaseUrl { get; private set; } = "";
    public ConcurrentQueue<(string To, string From, string Body)> Messages { get; } = new();
    public ConcurrentQueue<string> Attempts { get; } = new();

    public void FailNext(string to, int count) => _failNext[to] = count;

    public async ValueTask InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.MapPost("/2010-04-01/Accounts/{sid}/Messages.json", Handle);
        await _app.StartAsync();
        BaseUrl = _app.Urls.First();
    }

    private async Task<IResult> Handle(string sid, HttpRequest request)
    {
        var expected = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{AccountSid}:{AuthToken}"));
        if (sid != AccountSid || request.Headers.Authorization.ToString() != expected)
            return Results.Json(new { code = 20003, message = "Authenticate", more_info = "https://www.twilio.com/docs/errors/20003", status = 401 }, statusCode: 401);
        var form = await request.ReadFormAsync();
        string to = form["To"].ToString(), from = form["From"].ToString(), body = form["Body"].ToString();
        Attempts.Enqueue(to);
        if (_failNext.TryGetValue(to, out var failures) && failures > 0)
        {
            _failNext[to] = failures - 1;
            return Results.Json(new { code = 20500, message = "Internal Server Error", status = 503 }, statusCode: 503);
        }
        if (string.IsNullOrEmpty(to) || string.IsNullOrEmpty(body) || string.IsNullOrEmpty(from))
            return Results.Json(new { code = 21604, message = "A 'To', 'From' and 'Body' are required", status = 400 }, statusCode: 400);
        Messages.Enqueue((to, from, body));
        return Results.Json(new
        {
            sid = "SM" + Guid.NewGuid().ToString("N"), account_sid = AccountSid, to, from, body,
            status = "queued", num_segments = "1", direction = "outbound-api", api_version = "2010-04-01",
            date_created = DateTime.UtcNow.ToString("R"), uri = $"/2010-04-01/Accounts/{AccountSid}/Messages.json",
        }, statusCode: 201);
    }

    /// <summary>Waits for the <paramref name="count"/>-th SMS to <paramref name="to"/>; returns its text.</summary>
    public async Task<string> WaitForAsync(string to, int count = 1)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (DateTime.UtcNow < deadline)
        {
            var texts = Messages.Where(m => m.To == to).Select(m => m.Body).ToList();
            if (texts.Count >= count) return texts[count - 1];
            await Task.Delay(50);
        }
        throw new TimeoutException($"No SMS #{count} to {to}.");
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
    }
}
