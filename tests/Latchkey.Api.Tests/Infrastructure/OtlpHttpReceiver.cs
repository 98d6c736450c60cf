using System.Collections.Concurrent;
using System.Net;
using System.Text;

namespace Latchkey.Api.Tests.Infrastructure;

/// <summary>
/// An OTLP/HTTP collector for one test class: it accepts every export on a loopback port, answers 200 with an empty
/// protobuf message (a valid Export*ServiceResponse), and keeps each request's path, content type and body so a test
/// can look for the strings a span or metric carries (protobuf stores strings as plain UTF-8).
/// </summary>
public sealed class OtlpHttpReceiver : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly ConcurrentQueue<Export> _exports = new();
    private readonly SemaphoreSlim _arrived = new(0);
    private readonly Task _loop;

    public sealed record Export(string Path, string? ContentType, byte[] Body)
    {
        public bool Contains(string text) => Body.AsSpan().IndexOf(Encoding.UTF8.GetBytes(text)) >= 0;
    }

    public OtlpHttpReceiver()
    {
        Port = FreePort();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _loop = Task.Run(ReceiveAsync);
    }

    public int Port { get; }

    public string Endpoint => $"http://127.0.0.1:{Port}";

    /// <summary>Waits for an export to <paramref name="path"/> that satisfies <paramref name="match"/>, up to <paramref name="timeout"/>.</summary>
    public async Task<Export?> WaitForAsync(string path, Func<Export, bool> match, TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        while (true)
        {
            var found = _exports.FirstOrDefault(e => e.Path == path && match(e));
            if (found is not null) return found;
            try { await _arrived.WaitAsync(deadline.Token); }
            catch (OperationCanceledException) { return _exports.FirstOrDefault(e => e.Path == path && match(e)); }
        }
    }

    public IReadOnlyCollection<Export> Exports => _exports.ToArray();

    private async Task ReceiveAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try { context = await _listener.GetContextAsync(); }
            catch (Exception) when (!_listener.IsListening) { return; }
            catch (HttpListenerException) { return; }
            using var body = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(body);
            _exports.Enqueue(new Export(context.Request.Url!.AbsolutePath, context.Request.ContentType, body.ToArray()));
            context.Response.StatusCode = 200;
            context.Response.ContentType = "application/x-protobuf";
            context.Response.ContentLength64 = 0;
            context.Response.Close();
            _arrived.Release();
        }
    }

    private static int FreePort()
    {
        using var probe = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        try { await _loop; } catch (ObjectDisposedException) { }
        _arrived.Dispose();
    }
}
