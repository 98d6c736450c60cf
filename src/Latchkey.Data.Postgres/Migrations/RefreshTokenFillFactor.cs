using Latchkey.Data.Migrations;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Latchkey.Data.Postgres.Migrations;

/// <summary>
/// Room on each refresh_tokens page for the one update a row gets (rotation), so it is a HOT update.
/// PostgreSQL only: SQLite has no fillfactor, and its B-tree table updates a row in place.
/// </summary>
[DbContext(typeof(LatchkeyDbContext))]
[Migration("20261202000800_RefreshTokenFillFactor")]
public sealed class RefreshTokenFillFactor : SqlScriptMigration;
