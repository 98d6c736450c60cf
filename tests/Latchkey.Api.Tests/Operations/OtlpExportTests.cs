using System.Net;
using Latchkey.Api.Tests.Infrastructure;
using Xunit;

namespace Latchkey.Api.Tests.Operations;

/// <summary>
/// A server sending OTLP over HTTP/protobuf to a receiver in the test, with the exporters' batch and export intervals
/// shortened through the standard OTEL_* variables (the exporters read them; production keeps the defaults).
/// </summary>
public sealed class OtlpServer : MetricsServer
{
    public OtlpHttpReceiver Receiver { get; } = new();

    protected override void Configure(IDictionary<string, string> environment)
    {
        environment["Latchkey__Telemetry__OtlpEndpoint"] = Receiver.Endpoint;
        environment["Latchkey__Telemetry__OtlpProtocol"] = "http/protobuf";
        environment["OTEL_BSP_SCHEDULE_DELAY"] = "200";
        environment["OTEL_METRIC_EXPORT_INTERVAL"] = "500";
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Receiver.DisposeAsync();
    }
}

/// <summary>Traces and metrics reach an OTLP/HTTP collector at the signal paths, as protobuf, naming the service.</summary>
public sealed class OtlpExportTests(OtlpServer server) : IClassFixture<OtlpServer>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_sign_in_is_exported_as_a_span_and_moves_the_exported_counter()
    {
        var client = server.CreateClient();
        var email = await client.RegisterAsync();
        await client.SimpleLoginAsync(email);

        var trace = await server.Receiver.WaitForAsync("/v1/traces", e => e.Contains("/api/v1/auth/login"), Patience);
        Assert.True(trace is not null, "no span of the sign-in reached /v1/traces; paths seen: " + Seen());
        Assert.Equal("application/x-protobuf", trace.ContentType);
        Assert.True(trace.Contains("latchkey"), "the export does not name the service");

        var metrics = await server.Receiver.WaitForAsync("/v1/metrics", e => e.Contains("latchkey.sign_ins"), Patience);
        Assert.True(metrics is not null, "latchkey.sign_ins never reached /v1/metrics; paths seen: " + Seen());
    }

    [Fact]
    public async Task Prometheus_stays_served_beside_the_exporter()
    {
        var response = await server.CreateClient().GetAsync("/metrics", MetricsServer.Token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private string Seen() => string.Join(", ", server.Receiver.Exports.Select(e => e.Path).Distinct());
}
