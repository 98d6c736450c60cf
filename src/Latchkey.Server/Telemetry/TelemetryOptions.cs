namespace Latchkey.Server.Telemetry;

/// <summary>Bound from <c>Latchkey:Telemetry</c>.</summary>
public sealed class TelemetryOptions
{
    public const int MinTokenLength = 32;

    /// <summary>Serve Prometheus metrics at <c>/metrics</c>. Off by default: counts of sign-ins and failures describe the deployment.</summary>
    public bool MetricsEnabled { get; set; }

    /// <summary>The bearer token a scraper must send (at least 32 characters); required when metrics are on.</summary>
    public string? MetricsToken { get; set; }

    /// <summary>An OTLP endpoint (e.g. http://collector:4317) to send traces and metrics to; none by default.</summary>
    public string? OtlpEndpoint { get; set; }

    /// <summary>
    /// How to speak OTLP: <c>grpc</c> (the default, a collector's port 4317) or <c>http/protobuf</c> (port 4318; the
    /// signal paths <c>/v1/traces</c> and <c>/v1/metrics</c> are appended to the endpoint). The names are the ones
    /// OTEL_EXPORTER_OTLP_PROTOCOL uses.
    /// </summary>
    public string OtlpProtocol { get; set; } = Grpc;

    public const string Grpc = "grpc";
    public const string HttpProtobuf = "http/protobuf";
}
