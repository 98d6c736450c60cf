using Latchkey.Data.Migrations;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Latchkey.Data.Postgres.Migrations;

/// <summary>The licensing core: plans, licenses, activations (seats), usage counters and their idempotency keys (issue 16).</summary>
[DbContext(typeof(LatchkeyDbContext))]
[Migration("20261203001600_Licensing")]
public sealed class Licensing : SqlScriptMigration;
