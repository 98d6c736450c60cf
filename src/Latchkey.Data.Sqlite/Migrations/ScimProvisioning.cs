using Latchkey.Data.Migrations;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Latchkey.Data.Sqlite.Migrations;

/// <summary>SCIM 2.0 provisioning: user profiles, groups and members, SCIM tokens (issue 15).</summary>
[DbContext(typeof(LatchkeyDbContext))]
[Migration("20261203001500_Scim")]
public sealed class ScimProvisioning : SqlScriptMigration;
