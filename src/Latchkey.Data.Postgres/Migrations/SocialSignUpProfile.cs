using Latchkey.Data.Migrations;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Latchkey.Data.Postgres.Migrations;

[DbContext(typeof(LatchkeyDbContext))]
[Migration("20261122001000_SocialSignUpProfile")]
public sealed class SocialSignUpProfile : SqlScriptMigration;
