using Latchkey.Data.Migrations;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Latchkey.Data.Sqlite.Migrations;

/// <summary>SCIM title and timezone move to the account profile's job_title and time_zone (decision 78).</summary>
[DbContext(typeof(LatchkeyDbContext))]
[Migration("20261204000300_ScimTitleAndTimezone")]
public sealed class ScimTitleAndTimezone : SqlScriptMigration;
