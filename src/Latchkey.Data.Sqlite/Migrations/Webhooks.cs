using Latchkey.Data.Migrations;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Latchkey.Data.Sqlite.Migrations;

/// <summary>Webhook subscriptions and their delivery outbox (issue 14).</summary>
[DbContext(typeof(LatchkeyDbContext))]
[Migration("20261203001400_Webhooks")]
public sealed class Webhooks : SqlScriptMigration;
