using Latchkey.Core.ApiKeys;
using Latchkey.Core.Audit;
using Latchkey.Core.Common;
using Latchkey.Core.Messaging;
using Latchkey.Core.OAuth;
using Latchkey.Core.Sessions;
using Latchkey.Core.Social;
using Latchkey.Core.Tokens;
using Latchkey.Core.Users;
using Latchkey.Core.Verification;
using Latchkey.Data.Stores;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Latchkey.Data;

public static class DataServiceCollectionExtensions
{
    public static IServiceCollection AddLatchkeyData(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DatabaseOptions>().Bind(configuration.GetSection("Latchkey:Database")).ValidateDataAnnotations().ValidateOnStart();
        // One per host: SQLite's write lock is per database file, and a host has one.
        var sqliteWriteGate = new SqliteWriteGate();

        // Read when the first context is made, not now: a host (WebApplicationFactory in the tests) may add
        // configuration after the services are registered, and an eager read would miss its database.
        services.AddDbContextPool<LatchkeyDbContext>((provider, options) =>
        {
            var database = provider.GetRequiredService<IOptions<DatabaseOptions>>().Value;
            var connectionString = provider.GetRequiredService<IConfiguration>().GetConnectionString("Latchkey");
            if (database.Provider == DatabaseOptions.Postgres)
            {
                if (string.IsNullOrWhiteSpace(connectionString))
                    throw new OptionsValidationException("ConnectionStrings:Latchkey", typeof(DatabaseOptions),
                        ["ConnectionStrings:Latchkey is required when Latchkey:Database:Provider is 'postgres'."]);
                options.UseNpgsql(PostgresConnectionString(connectionString), npgsql => npgsql.MigrationsAssembly("Latchkey.Data.Postgres"));
            }
            else
            {
                options.UseSqlite(SqliteConnectionString(database, connectionString), sqlite => sqlite.MigrationsAssembly("Latchkey.Data.Sqlite"));
                options.AddInterceptors(sqliteWriteGate, new SqliteSynchronousSetting(database.SqliteSynchronous));
            }
            // Migrations are hand-made SQL scripts (see docs/decisions.md), so there is no model snapshot to compare.
            options.ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning));
        });

        services.AddScoped<IUnitOfWork, UnitOfWork>();
        services.AddScoped<IUserStore, UserStore>();
        services.AddScoped<ISessionStore, SessionStore>();
        services.AddScoped<IApiKeyStore, ApiKeyStore>();
        services.AddScoped<IActivityStore, ActivityStore>();
        services.AddScoped<ISigningKeyStore, SigningKeyStore>();
        services.AddScoped<IServerSecretStore, ServerSecretStore>();
        services.AddScoped<IVerificationTicketStore, VerificationTicketStore>();
        services.AddScoped<IOutgoingMessageStore, OutgoingMessageStore>();
        services.AddScoped<IUserIdentityStore, UserIdentityStore>();
        services.AddScoped<ISocialStateStore, SocialStateStore>();
        services.AddScoped<IOAuthClientStore, OAuthClientStore>();
        services.AddScoped<IAuthorizationCodeStore, AuthorizationCodeStore>();
        services.AddScoped<IConsentStore, ConsentStore>();
        services.AddScoped<IDeviceAuthorizationStore, DeviceAuthorizationStore>();
        services.AddSingleton<DatabaseMigrator>();

        services.AddDataProtection().SetApplicationName("Latchkey");
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(provider =>
            new ConfigureOptions<KeyManagementOptions>(o => o.XmlRepository = new DatabaseXmlRepository(provider.GetRequiredService<IServiceScopeFactory>())));
        return services;
    }

    /// <summary>
    /// Turns on Npgsql's automatic preparation unless the connection string says otherwise: the hot-path
    /// statements (refresh lookup and rotation, session check, user reads) are then parsed and planned once
    /// per connection instead of on every call, and PostgreSQL usually shares the machine's cores.
    /// A deployment behind a pooler that cannot keep prepared statements sets "Max Auto Prepare=0".
    /// </summary>
    internal static string PostgresConnectionString(string connectionString) =>
        connectionString.Contains("Auto Prepare", StringComparison.OrdinalIgnoreCase)
        || connectionString.Contains("AutoPrepare", StringComparison.OrdinalIgnoreCase)
            ? connectionString
            : new NpgsqlConnectionStringBuilder(connectionString) { MaxAutoPrepare = 32 }.ConnectionString;

    internal static string SqliteConnectionString(DatabaseOptions database, string? connectionString)
    {
        if (!string.IsNullOrWhiteSpace(connectionString)) return connectionString;
        var path = Path.GetFullPath(database.SqlitePath);
        return $"Data Source={path};Pooling=True;Default Timeout=30";
    }
}
