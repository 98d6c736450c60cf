using Latchkey.Data.Migrations;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Latchkey.Data.Postgres.Migrations;

/// <summary>A SCIM token created or deleted bumps the 'oauth_clients' change area, which the nodes' SCIM token caches follow (issue 15).</summary>
[DbContext(typeof(LatchkeyDbContext))]
[Migration("20261204000200_ScimTokenChanges")]
public sealed class ScimTokenChanges : SqlScriptMigration;
