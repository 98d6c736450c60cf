using Latchkey.Data.Migrations;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Latchkey.Data.Sqlite.Migrations;

/// <summary>Custom roles and the indexes of the administrator's user, session and activity lists (issue 13).</summary>
[DbContext(typeof(LatchkeyDbContext))]
[Migration("20261202000700_AdminRoles")]
public sealed class AdminRoles : SqlScriptMigration;
