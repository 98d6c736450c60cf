using Latchkey.Data.Migrations;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Latchkey.Data.Postgres.Migrations;

/// <summary>The analytics rollup and its marks, and the second-factor partial index (issue 13).</summary>
[DbContext(typeof(LatchkeyDbContext))]
[Migration("20261203001300_ActivityRollups")]
public sealed class ActivityRollups : SqlScriptMigration;
