using System.Security.Cryptography;
using System.Text;
using Latchkey.Core.Common;
using Latchkey.Core.Common.Backlog;
using Microsoft.Extensions.Options;
using Npgsql;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Latchkey.Server.Telemetry;

/// <summary>
/// OpenTelemetry metrics (ASP.NET Core, Npgsql and Latchkey's own meter) for Prometheus at <c>/metrics</c> behind a
/// bearer token, and traces and metrics to an OTLP endpoint when one is configured (read from configuration at start).
/// </summary>
internal static class TelemetrySetup
{
    public const string MetricsPath = "/metrics";

    /// <summary>ASP.NET Core's request and connection instruments, Npgsql's pool and commands, and Latchkey's own.</summary>
    private static readonly string[] Meters =
        ["Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel", "Npgsql", LatchkeyMetrics.MeterName];

    public static void AddLatchkeyTelemetry(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection("Latchkey:Telemetry");
        builder.Services.AddOptions<TelemetryOptions>().Bind(section)
            .Validate(o => !o.MetricsEnabled || o.MetricsToken is { Length: >= TelemetryOptions.MinTokenLength },
                $"Latchkey:Telemetry:MetricsToken of at least {TelemetryOptions.MinTokenLength} characters is required when Latchkey:Telemetry:MetricsEnabled is true.")
            .Validate(o => string.IsNullOrEmpty(o.OtlpEndpoint) || Uri.TryCreate(o.OtlpEndpoint, UriKind.Absolute, out _),
                "Latchkey:Telemetry:OtlpEndpoint must be an absolute URL.")
            .Validate(o => o.OtlpProtocol is TelemetryOptions.Grpc or TelemetryOptions.HttpProtobuf,
                $"Latchkey:Telemetry:OtlpProtocol must be '{TelemetryOptions.Grpc}' or '{TelemetryOptions.HttpProtobuf}'.")
            .ValidateOnStart();
        var settings = section.Get<TelemetryOptions>() ?? new TelemetryOptions();
        var otlp = Uri.TryCreate(settings.OtlpEndpoint, UriKind.Absolute, out var endpoint) ? endpoint : null;
        var http = settings.OtlpProtocol == TelemetryOptions.HttpProtobuf;

        var telemetry = builder.Services.AddOpenTelemetry().ConfigureResource(r => r.AddService("latchkey"));
        telemetry.WithMetrics(metrics =>
        {
            // No scrape cache: each scrape reads the counters as they are (Prometheus scrapes seldom, tests back to back).
            metrics.AddPrometheusExporter(o => o.ScrapeResponseCacheDurationMilliseconds = 0);
            if (otlp is not null) metrics.AddOtlpExporter(o => ConfigureOtlp(o, otlp, http, "v1/metrics"));
        });
        // The meters are chosen from the options when the provider is built (settings may arrive after
        // registration, as in the test host). With metrics off the provider listens to no meter, so no
        // instrument records anything and requests pay nothing.
        builder.Services.ConfigureOpenTelemetryMeterProvider((services, provider) =>
        {
            var options = services.GetRequiredService<IOptions<TelemetryOptions>>().Value;
            if (options.MetricsEnabled || otlp is not null) provider.AddMeter(Meters);
        });
        if (otlp is not null)
            telemetry.WithTracing(tracing => tracing.AddAspNetCoreInstrumentation().AddNpgsql().AddOtlpExporter(o => ConfigureOtlp(o, otlp, http, "v1/traces")));
    }

    /// <summary>
    /// The exporter takes an endpoint set in code as it is: over gRPC that is the collector's address; over
    /// HTTP/protobuf it must be the signal's own URL, so the signal path is appended to the configured base (the
    /// rule the OTEL_EXPORTER_OTLP_ENDPOINT variable follows).
    /// </summary>
    private static void ConfigureOtlp(OtlpExporterOptions options, Uri endpoint, bool http, string signalPath)
    {
        if (!http)
        {
            options.Protocol = OtlpExportProtocol.Grpc;
            options.Endpoint = endpoint;
            return;
        }
        options.Protocol = OtlpExportProtocol.HttpProtobuf;
        var baseUrl = endpoint.AbsoluteUri.EndsWith('/') ? endpoint.AbsoluteUri : endpoint.AbsoluteUri + "/";
        options.Endpoint = new Uri(baseUrl + signalPath);
    }

    /// <summary>Maps <c>/metrics</c> when metrics are on; a request without the token gets 401 before the exporter runs.</summary>
    public static void UseLatchkeyMetrics(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<TelemetryOptions>>().Value;
        // The backlog gauges exist only once created; they are observed by whichever exporter is on.
        if (options.MetricsEnabled || !string.IsNullOrEmpty(options.OtlpEndpoint)) app.Services.GetRequiredService<BacklogGauges>();
        if (!options.MetricsEnabled) return;
        var backlog = app.Services.GetRequiredService<BacklogMonitor>();
        var expected = Encoding.UTF8.GetBytes("Bearer " + options.MetricsToken);
        app.UseWhen(http => http.Request.Path.Equals(MetricsPath, StringComparison.OrdinalIgnoreCase), branch => branch.Use(async (http, next) =>
        {
            var presented = Encoding.UTF8.GetBytes(http.Request.Headers.Authorization.ToString());
            if (CryptographicOperations.FixedTimeEquals(presented, expected))
            {
                // The gauges read the last snapshot: bring it up to date (at most one query per cache period) first.
                // A database that does not answer leaves the last figures; the scrape still serves every other series.
                try { await backlog.CurrentAsync(http.RequestAborted); }
                catch (Exception exception) when (Core.Common.DatabaseUnavailable.Matches(exception)) { }
                await next(http);
                return;
            }
            http.Response.StatusCode = StatusCodes.Status401Unauthorized;
            http.Response.Headers.WWWAuthenticate = "Bearer";
        }));
        app.MapPrometheusScrapingEndpoint(MetricsPath);
    }
}
