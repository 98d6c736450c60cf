using Microsoft.EntityFrameworkCore.Migrations;

namespace Latchkey.Data.Migrations;

/// <summary>
/// A migration whose body is a SQL script embedded next to it (<c>Migrations/&lt;id&gt;.sql</c>).
/// We write SQL per provider because the EF design-time tools are not in our package mirror; the
/// schema test checks every script set against the model on both databases.
/// </summary>
public abstract class SqlScriptMigration : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        var assembly = GetType().Assembly;
        var id = GetType().GetCustomAttributes(typeof(Microsoft.EntityFrameworkCore.Migrations.MigrationAttribute), false)
            .Cast<Microsoft.EntityFrameworkCore.Migrations.MigrationAttribute>().Single().Id;
        var resource = assembly.GetManifestResourceNames().SingleOrDefault(n => n.EndsWith($".{id}.sql", StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"Migration script {id}.sql is not embedded in {assembly.GetName().Name}.");
        using var reader = new StreamReader(assembly.GetManifestResourceStream(resource)!);
        migrationBuilder.Sql(reader.ReadToEnd());
    }
}
