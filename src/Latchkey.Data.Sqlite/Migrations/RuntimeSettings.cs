using Latchkey.Data.Migrations;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Latchkey.Data.Sqlite.Migrations;

/// <summary>The runtime settings document and its version (issue 13).</summary>
[DbContext(typeof(LatchkeyDbContext))]
[Migration("20261202000710_RuntimeSettings")]
public sealed class RuntimeSettings : SqlScriptMigration;
