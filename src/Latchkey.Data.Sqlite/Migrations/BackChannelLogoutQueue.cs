using Latchkey.Data.Migrations;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Latchkey.Data.Sqlite.Migrations;

/// <summary>The durable back-channel logout queue (issue 20).</summary>
[DbContext(typeof(LatchkeyDbContext))]
[Migration("20261203160001_BackChannelLogoutQueue")]
public sealed class BackChannelLogoutQueue : SqlScriptMigration;
