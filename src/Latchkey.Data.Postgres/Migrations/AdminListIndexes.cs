using Latchkey.Data.Migrations;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Latchkey.Data.Postgres.Migrations;

/// <summary>(created_at, id) indexes for the admin user and session lists and the SCIM user page (issues 13 and 15).</summary>
[DbContext(typeof(LatchkeyDbContext))]
[Migration("20261204000100_AdminListIndexes")]
public sealed class AdminListIndexes : SqlScriptMigration;
