using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Latchkey.Data;

/// <summary>Readiness: the database answers a trivial query.</summary>
public sealed class DatabaseHealthCheck(LatchkeyDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await db.Database.CanConnectAsync(cancellationToken)
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("The database does not answer.");
}
