using System.ComponentModel.DataAnnotations;

namespace Latchkey.Data;

/// <summary>Bound from <c>Latchkey:Database</c>; the PostgreSQL connection string is <c>ConnectionStrings:Latchkey</c>.</summary>
public sealed class DatabaseOptions
{
    public const string Sqlite = "sqlite";
    public const string Postgres = "postgres";

    [RegularExpression("^(sqlite|postgres)$", ErrorMessage = "Latchkey:Database:Provider must be 'sqlite' or 'postgres'.")]
    public string Provider { get; set; } = Sqlite;

    /// <summary>The SQLite file, relative to the working directory, when no connection string is given.</summary>
    public string SqlitePath { get; set; } = "data/latchkey.db";

    /// <summary>Apply pending migrations at start (turn off when `latchkey migrate` runs in a deploy step).</summary>
    public bool MigrateOnStart { get; set; } = true;
}
