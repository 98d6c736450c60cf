using Latchkey.Data.Migrations;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Latchkey.Data.Postgres.Migrations;

/// <summary>Profiles, preferences and avatars (issue 17).</summary>
[DbContext(typeof(LatchkeyDbContext))]
[Migration("20261203001700_AccountProfiles")]
public sealed class AccountProfiles : SqlScriptMigration;
