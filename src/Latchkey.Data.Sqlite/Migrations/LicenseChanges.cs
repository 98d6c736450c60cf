using Latchkey.Data.Migrations;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Latchkey.Data.Sqlite.Migrations;

/// <summary>The 'licenses' change area and its triggers (the entitlement cache), and the expiry-event mark (issue 16).</summary>
[DbContext(typeof(LatchkeyDbContext))]
[Migration("20261203002600_LicenseChanges")]
public sealed class LicenseChanges : SqlScriptMigration;
