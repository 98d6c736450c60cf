using Latchkey.Data.Migrations;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Latchkey.Data.Postgres.Migrations;

/// <summary>The change versions every node polls, and the triggers that bump them (issue 20).</summary>
[DbContext(typeof(LatchkeyDbContext))]
[Migration("20261203002000_ChangeVersions")]
public sealed class ChangeVersions : SqlScriptMigration;
