using Latchkey.Data;
using Npgsql;
using Xunit;

namespace Latchkey.Api.Tests.Storage;

/// <summary>Latchkey's PostgreSQL defaults fill only what the operator's connection string leaves out.</summary>
public sealed class PostgresConnectionDefaultsTests
{
    [Fact]
    public void A_bare_string_gets_auto_prepare_and_a_pool_sized_to_the_cores()
    {
        var built = new NpgsqlConnectionStringBuilder(PostgresConnectionDefaults.Apply("Host=db;Database=latchkey"));
        Assert.Equal(PostgresConnectionDefaults.MaxAutoPrepare, built.MaxAutoPrepare);
        Assert.Equal(Math.Max(4, 2 * Environment.ProcessorCount), built.MaxPoolSize);
        Assert.Equal("db", built.Host);
    }

    [Theory]
    [InlineData("Host=db;Maximum Pool Size=50;Max Auto Prepare=0", 50, 0)]
    [InlineData("Host=db;MaxPoolSize=7;MaxAutoPrepare=5", 7, 5)]
    [InlineData("Host=db;Minimum Pool Size=10", 100, 32)]
    public void Settings_the_string_makes_win(string connectionString, int pool, int prepare)
    {
        var built = new NpgsqlConnectionStringBuilder(PostgresConnectionDefaults.Apply(connectionString));
        Assert.Equal(pool, built.MaxPoolSize);
        Assert.Equal(prepare, built.MaxAutoPrepare);
    }

    [Fact]
    public void Behind_a_transaction_pooler_no_statement_is_prepared_and_the_reset_is_skipped()
    {
        var built = new NpgsqlConnectionStringBuilder(PostgresConnectionDefaults.Apply("Host=pgbouncer;Database=latchkey", transactionPooling: true));
        Assert.Equal(0, built.MaxAutoPrepare);
        Assert.True(built.NoResetOnClose);
        Assert.Equal(5, new NpgsqlConnectionStringBuilder(PostgresConnectionDefaults.Apply("Host=pgb;Max Auto Prepare=5", transactionPooling: true)).MaxAutoPrepare);
    }
}
