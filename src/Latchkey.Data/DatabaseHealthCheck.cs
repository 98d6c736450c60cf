using Latchkey.Core.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Latchkey.Data;

/// <summary>
/// Readiness: the database answers and takes writes. The probe is a write that matches no row, which both PostgreSQL
/// (read-only transaction, standby, read-only role) and SQLite (a read-only file) refuse before looking at rows, at the
/// cost of one round trip. A full disk shows only when a real write fails, so a recent refusal seen by a request
/// counts too (<see cref="DatabaseWriteRefusals"/>).
/// </summary>
public sealed class DatabaseHealthCheck(LatchkeyDbContext db, DatabaseWriteRefusals refusals) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await db.Database.ExecuteSqlRawAsync("UPDATE change_versions SET version = version WHERE 1 = 0", cancellationToken);
        }
        catch (Exception ex)
        {
            // Readiness answers yes or no; why goes in its description, never a stack.
            return HealthCheckResult.Unhealthy(DatabaseUnavailable.RefusesWrites(ex) ? DatabaseUnavailable.Describe(ex) : "The database does not answer.");
        }
        return refusals.Recent() is { } reason ? HealthCheckResult.Unhealthy(reason) : HealthCheckResult.Healthy();
    }
}
