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

    /// <summary>
    /// SQLite's <c>synchronous</c> setting (WAL mode). <c>normal</c> syncs the log at checkpoints rather than at
    /// every commit: the database cannot be corrupted and a crash of Latchkey loses nothing, but a power loss
    /// may undo the last commits (as PostgreSQL's synchronous_commit=off). <c>full</c> syncs every commit,
    /// which on a disk with a 5 ms sync caps writes (refreshes, sign-ins) near a few hundred per second.
    /// </summary>
    [RegularExpression("^(normal|full)$", ErrorMessage = "Latchkey:Database:SqliteSynchronous must be 'normal' or 'full'.")]
    public string SqliteSynchronous { get; set; } = "normal";

    /// <summary>
    /// PostgreSQL is reached through a pooler in transaction mode (PgBouncer <c>pool_mode = transaction</c>):
    /// no state may outlive a transaction, so Latchkey turns automatic statement preparation off and skips
    /// the connection reset (<c>Max Auto Prepare=0</c>, <c>No Reset On Close=true</c>, unless the connection
    /// string sets them). Run migrations with a direct connection (docs/operations.md).
    /// </summary>
    public bool TransactionPooling { get; set; }

    /// <summary>Apply pending migrations at start (turn off when `latchkey migrate` runs in a deploy step).</summary>
    public bool MigrateOnStart { get; set; } = true;
}
