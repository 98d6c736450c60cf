using Latchkey.Data.Migrations;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Latchkey.Data.Postgres.Migrations;

/// <summary>sessions.impersonator_id and activity.actor_id (issue 13).</summary>
[DbContext(typeof(LatchkeyDbContext))]
[Migration("20261203001310_Impersonation")]
public sealed class Impersonation : SqlScriptMigration;
