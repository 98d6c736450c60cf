using System.Collections.Concurrent;
using System.Net;

namespace Latchkey.Browser.Tests.Admin;

/// <summary>A webhook receiver on a loopback port: answers every POST with 200 and keeps the bodies it got.</summary>
public sealed class LoopbackReceiver : IDisposable
{
    private readonly HttpListener _listener = new();

    public LoopbackReceiver()
    {
        Url = $"http://127.0.0.1:{BrowserServer.FreePort()}/hook";
        _listener.Prefixes.Add(Url[..(Url.LastIndexOf('/') + 1)]);
        _listener.Start();
        _ = Task.Run(ServeAsync);
    }

    public string Url { get; }

    public ConcurrentQueue<string> Bodies { get; } = new();

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try { context = await _listener.GetContextAsync(); }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException) { return; }
            using (var reader = new StreamReader(context.Request.InputStream)) Bodies.Enqueue(await reader.ReadToEndAsync());
            context.Response.StatusCode = 200;
            context.Response.Close();
        }
    }

    public void Dispose() => _listener.Close();
}
