using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using StandardWebhooks;

namespace Latchkey.Api.Tests.Webhooks;

/// <summary>
/// A real HTTP receiver on a fixed loopback port: it records every request with its Standard Webhooks headers,
/// checks the signature with the NuGet <c>StandardWebhooks</c> package against the secrets it is told, answers
/// the statuses queued with <see cref="FailNext"/> (then 200), and can be stopped and started again on the same
/// port to play a receiver outage.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private WebApplication? _app;
    private readonly ConcurrentQueue<int> _statuses = new();

    public int Port { get; } = FreePort();
    public string Url => $"http://127.0.0.1:{Port}/hook";
    public ConcurrentQueue<ReceivedWebhook> Received { get; } = new();
    /// <summary>The secrets a delivery may be signed with (the current one, and the previous one during a rotation).</summary>
    public ConcurrentDictionary<string, bool> Secrets { get; } = new();

    public void FailNext(int count, int status = 500)
    {
        for (var i = 0; i < count; i++) _statuses.Enqueue(status);
    }

    public async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{Port}");
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.MapPost("/hook", Handle);
        await _app.StartAsync();
    }

    public async Task StopAsync()
    {
        if (_app is null) return;
        await _app.StopAsync();
        await _app.DisposeAsync();
        _app = null;
    }

    private async Task<IResult> Handle(HttpRequest request)
    {
        using var reader = new StreamReader(request.Body);
        var body = await reader.ReadToEndAsync();
        var status = _statuses.TryDequeue(out var queued) ? queued : 200;
        var verifiedBy = Secrets.Keys.Where(secret => Verifies(secret, body, request.Headers)).ToList();
        Received.Enqueue(new ReceivedWebhook(
            request.Headers["webhook-id"].ToString(), request.Headers["webhook-timestamp"].ToString(),
            request.Headers["webhook-signature"].ToString(), body, status, verifiedBy));
        return Results.StatusCode(status);
    }

    private static bool Verifies(string secret, string body, IHeaderDictionary headers)
    {
        try
        {
            new StandardWebhook(secret).Verify(body, headers);
            return true;
        }
        catch (StandardWebhooks.Diagnostics.WebhookVerificationException)
        {
            return false;
        }
    }

    /// <summary>Requests answered 2xx, one per webhook-id (a duplicate would show as a second entry).</summary>
    public List<ReceivedWebhook> Accepted() => Received.Where(r => r.Status is >= 200 and < 300).ToList();

    public List<ReceivedWebhook> OfType(string type) => Accepted().Where(r => r.Type == type).ToList();

    /// <summary>Waits (on the receiver's own record, not on a clock) until <paramref name="done"/> holds.</summary>
    public async Task WaitForAsync(Func<WebhookReceiver, bool> done, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (!done(this))
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"Receiver did not get {what}; got: {string.Join(", ", Received.Select(r => $"{r.Type}/{r.Status}"))}");
            await Task.Delay(25);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public ValueTask DisposeAsync() => new(StopAsync());
}

public sealed record ReceivedWebhook(string Id, string Timestamp, string Signature, string Body, int Status, IReadOnlyList<string> VerifiedBy)
{
    public JsonElement Payload => JsonDocument.Parse(Body).RootElement.Clone();
    public string Type => Payload.GetProperty("type").GetString()!;
}
