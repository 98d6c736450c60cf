using Latchkey.Data.Migrations;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Latchkey.Data.Sqlite.Migrations;

/// <summary>The access-token revocation list (RFC 7009 for access tokens), polled by every node by sequence.</summary>
[DbContext(typeof(LatchkeyDbContext))]
[Migration("20261202000100_RevokedAccessTokens")]
public sealed class RevokedAccessTokens : SqlScriptMigration;
