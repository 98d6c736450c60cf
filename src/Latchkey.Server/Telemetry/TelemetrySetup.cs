using System.Security.Cryptography;
using System.Text;
using Latchkey.Core.Common;
using Microsoft.Extensions.Options;
using Npgsql;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Latchkey.Server.Telemetry;

/// <summary>
/// OpenTelemetry metrics (ASP.NET Core, Npgsql and Latchkey's own meter) for Prometheus at <c>/metrics</c> behind a
/// bearer token, and traces and metrics to an OTLP endpoint when one is configured. Nothing is registered when both
/// are off, so a default server runs no telemetry pipeline at all.
/// </summary>
internal static class TelemetrySetup
{
    public const string MetricsPath = "/metrics";

    public static void AddLatchkeyTelemetry(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection("Latchkey:Telemetry");
        builder.Services.AddOptions<TelemetryOptions>().Bind(section)
            .Validate(o => !o.MetricsEnabled || o.MetricsToken is { Length: >= TelemetryOptions.MinTokenLength },
                $"Latchkey:Telemetry:MetricsToken of at least {TelemetryOptions.MinTokenLength} characters is required when Latchkey:Telemetry:MetricsEnabled is true.")
            .Validate(o => string.IsNullOrEmpty(o.OtlpEndpoint) || Uri.TryCreate(o.OtlpEndpoint, UriKind.Absolute, out _),
                "Latchkey:Telemetry:OtlpEndpoint must be an absolute URL.")
            .ValidateOnStart();
        var options = section.Get<TelemetryOptions>() ?? new TelemetryOptions();
        var otlp = Uri.TryCreate(options.OtlpEndpoint, UriKind.Absolute, out var endpoint) ? endpoint : null;
        if (!options.MetricsEnabled && otlp is null) return;

        var telemetry = builder.Services.AddOpenTelemetry().ConfigureResource(r => r.AddService("latchkey"));
        telemetry.WithMetrics(metrics =>
        {
            metrics.AddAspNetCoreInstrumentation().AddMeter(LatchkeyMetrics.MeterName, "Npgsql");
            // No scrape cache: each scrape reads the counters as they are (Prometheus scrapes seldom, tests back to back).
            if (options.MetricsEnabled) metrics.AddPrometheusExporter(o => o.ScrapeResponseCacheDurationMilliseconds = 0);
            if (otlp is not null) metrics.AddOtlpExporter(o => o.Endpoint = otlp);
        });
        if (otlp is not null)
            telemetry.WithTracing(tracing => tracing.AddAspNetCoreInstrumentation().AddNpgsql().AddOtlpExporter(o => o.Endpoint = otlp));
    }

    /// <summary>Maps <c>/metrics</c> when metrics are on; a request without the token gets 401 before the exporter runs.</summary>
    public static void UseLatchkeyMetrics(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<TelemetryOptions>>().Value;
        if (!options.MetricsEnabled) return;
        var expected = Encoding.UTF8.GetBytes("Bearer " + options.MetricsToken);
        app.UseWhen(http => http.Request.Path.Equals(MetricsPath, StringComparison.OrdinalIgnoreCase), branch => branch.Use(async (http, next) =>
        {
            var presented = Encoding.UTF8.GetBytes(http.Request.Headers.Authorization.ToString());
            if (CryptographicOperations.FixedTimeEquals(presented, expected))
            {
                await next(http);
                return;
            }
            http.Response.StatusCode = StatusCodes.Status401Unauthorized;
            http.Response.Headers.WWWAuthenticate = "Bearer";
        }));
        app.MapPrometheusScrapingEndpoint(MetricsPath);
    }
}
