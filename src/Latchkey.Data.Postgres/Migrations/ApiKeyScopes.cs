using Latchkey.Data.Migrations;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Latchkey.Data.Postgres.Migrations;

/// <summary>API keys limited to scopes chosen at creation (issue 16).</summary>
[DbContext(typeof(LatchkeyDbContext))]
[Migration("20261203100000_ApiKeyScopes")]
public sealed class ApiKeyScopes : SqlScriptMigration;
