using Latchkey.Data.Migrations;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Latchkey.Data.Sqlite.Migrations;

/// <summary>Clients may ask for ES256 id tokens (id_token_signed_response_alg); existing clients keep RS256.</summary>
[DbContext(typeof(LatchkeyDbContext))]
[Migration("20261122001100_IdTokenAlgorithm")]
public sealed class IdTokenAlgorithm : SqlScriptMigration;
