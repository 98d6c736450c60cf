using Latchkey.Data.Migrations;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Latchkey.Data.Sqlite.Migrations;

/// <summary>Latchkey roles carried by SCIM groups, and each account's roles through its groups (issue 15).</summary>
[DbContext(typeof(LatchkeyDbContext))]
[Migration("20261203140001_GroupRoles")]
public sealed class ScimGroupRoles : SqlScriptMigration;
