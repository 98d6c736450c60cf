using Latchkey.Data.Migrations;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Latchkey.Data.Postgres.Migrations;

/// <summary>The change versions every node polls, the triggers that bump them, and the shared counters (issue 20).</summary>
[DbContext(typeof(LatchkeyDbContext))]
[Migration("20261203002000_ChangeVersions")]
public sealed class ChangeVersions : SqlScriptMigration;
