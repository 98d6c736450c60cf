using Latchkey.Data.Migrations;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Latchkey.Data.Sqlite.Migrations;

/// <summary>NOCASE indexes that make the admin user search an index range on SQLite (issue 13; SQLite only).</summary>
[DbContext(typeof(LatchkeyDbContext))]
[Migration("20261203001320_UserSearchIndexes")]
public sealed class UserSearchIndexes : SqlScriptMigration;
