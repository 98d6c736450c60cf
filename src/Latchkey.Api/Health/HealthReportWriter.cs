using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Latchkey.Api.Health;

/// <summary>
/// <c>/health/ready</c>'s body: the overall status and each check's status, description and figures (the outbox
/// backlog), so an operator reading the probe sees why it is degraded. Nothing in it is secret: no addresses, no errors.
/// </summary>
internal static class HealthReportWriter
{
    public static Task WriteAsync(HttpContext http, HealthReport report)
    {
        http.Response.ContentType = "application/json";
        var checks = report.Entries.ToDictionary(e => e.Key, e => new CheckBody(e.Value.Status.ToString(),
            // A check that threw carries the exception's message as its description: not for an unauthenticated probe.
            e.Value.Exception is null ? e.Value.Description : "The check failed.",
            e.Value.Data.Count == 0 ? null : e.Value.Data));
        return JsonSerializer.SerializeAsync(http.Response.Body, new ReportBody(report.Status.ToString(), checks), Options, http.RequestAborted);
    }

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    private sealed record ReportBody(string Status, IReadOnlyDictionary<string, CheckBody> Checks);

    private sealed record CheckBody(string Status, string? Description, IReadOnlyDictionary<string, object>? Data);
}
