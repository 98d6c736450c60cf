using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Latchkey.Data;

/// <summary>
/// Checked with the other options before the server touches the database: PostgreSQL needs a connection string.
/// </summary>
internal sealed class DatabaseConnectionValidator(IConfiguration configuration) : IValidateOptions<DatabaseOptions>
{
    public ValidateOptionsResult Validate(string? name, DatabaseOptions options) =>
        options.Provider == DatabaseOptions.Postgres && string.IsNullOrWhiteSpace(configuration.GetConnectionString("Latchkey"))
            ? ValidateOptionsResult.Fail("ConnectionStrings:Latchkey is required when Latchkey:Database:Provider is 'postgres' "
                + "(e.g. ConnectionStrings__Latchkey=\"Host=localhost;Database=latchkey;Username=latchkey;Password=...\").")
            : ValidateOptionsResult.Success;
}
