using Latchkey.Data.Migrations;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Latchkey.Data.Postgres.Migrations;

/// <summary>API resources with their custom scopes (RFC 8707), and the previous client secret kept through a rotation's grace period.</summary>
[DbContext(typeof(LatchkeyDbContext))]
[Migration("20261202000200_ApiResources")]
public sealed class ApiResources : SqlScriptMigration;
