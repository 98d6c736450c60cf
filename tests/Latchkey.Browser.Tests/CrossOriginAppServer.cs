using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Latchkey.Browser.Tests;

/// <summary>
/// A browser app on a second origin: a small web server on <see cref="BrowserServer.AppPort"/> serving a page
/// and the @nhost/nhost-js UMD build straight from tests/clients/nhost/node_modules (never copied in).
/// </summary>
public sealed class CrossOriginAppServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private CrossOriginAppServer(WebApplication app) => _app = app;

    public static async Task<CrossOriginAppServer> StartAsync(int port)
    {
        var sdk = NhostSdkPath();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapGet("/", () => Results.Content(PageHtml, "text/html"));
        app.MapGet("/nhost-js.umd.js", () => Results.File(sdk, "text/javascript"));
        await app.StartAsync();
        return new CrossOriginAppServer(app);
    }

    private static readonly string PageHtml = ReadPage();

    private static string ReadPage()
    {
        using var stream = typeof(CrossOriginAppServer).Assembly.GetManifestResourceStream("nhost-app.html")!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static string NhostSdkPath()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (!File.Exists(Path.Combine(dir.FullName, "Latchkey.slnx"))) continue;
            var path = Path.Combine(dir.FullName, "tests", "clients", "nhost", "node_modules", "@nhost", "nhost-js", "dist", "nhost-js.umd.js");
            return File.Exists(path) ? path
                : throw new FileNotFoundException($"@nhost/nhost-js is not installed: run `npm ci --prefix tests/clients/nhost` ({path})");
        }
        throw new DirectoryNotFoundException("Latchkey.slnx not found above the test binaries");
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
