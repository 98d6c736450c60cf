using Latchkey.Core.Account;
using Latchkey.Core.Admin;
using Latchkey.Core.ApiKeys;
using Latchkey.Core.Audit;
using Latchkey.Core.Challenges;
using Latchkey.Core.Common;
using Latchkey.Core.Mfa;
using Latchkey.Core.Passkeys;
using Latchkey.Core.Messaging;
using Latchkey.Core.OAuth;
using Latchkey.Core.Scim;
using Latchkey.Core.Sessions;
using Latchkey.Core.Settings;
using Latchkey.Core.Social;
using Latchkey.Core.Tokens;
using Latchkey.Core.Users;
using Latchkey.Core.Verification;
using Latchkey.Core.Webhooks;
using Latchkey.Data.KeyRing;
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
        services.AddSingleton<IValidateOptions<DatabaseOptions>>(new DatabaseConnectionValidator(configuration));
        // One per host: SQLite's write lock is per database file, and a host has one.
        var sqliteWriteGate = new SqliteWriteGate();

        // Read when the first context is made, not now: a host (WebApplicationFactory in the tests) may add
        // configuration after the services are registered, and an eager read would miss its database.
        services.AddDbContextPool<LatchkeyDbContext>((provider, options) =>
        {
            var database = provider.GetRequiredService<IOptions<DatabaseOptions>>().Value;
            var connectionString = configuration.GetConnectionString("Latchkey");
            if (database.Provider == DatabaseOptions.Postgres)
            {
                if (string.IsNullOrWhiteSpace(connectionString))
                    throw new OptionsValidationException("ConnectionStrings:Latchkey", typeof(DatabaseOptions),
                        ["ConnectionStrings:Latchkey is required when Latchkey:Database:Provider is 'postgres'."]);
                options.UseNpgsql(PostgresConnectionDefaults.Apply(connectionString, database.TransactionPooling), npgsql => npgsql.MigrationsAssembly("Latchkey.Data.Postgres"));
            }
            else
            {
                options.UseSqlite(SqliteConnectionString(database, connectionString), sqlite => sqlite.MigrationsAssembly("Latchkey.Data.Sqlite"));
                options.AddInterceptors(sqliteWriteGate, new SqliteSynchronousSetting(database.SqliteSynchronous));
            }
            // Migrations are hand-made SQL scripts (see docs/decisions.md), so there is no model snapshot to compare.
            options.ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning));
            options.ConfigureWarnings(DatabaseFailureLogging.Configure);
        });

        services.AddScoped<IUnitOfWork, UnitOfWork>();
        services.AddScoped<IUserStore, UserStore>();
        services.AddScoped<Core.Users.Import.IUserImportStore, UserImportStore>();
        services.AddScoped<ISessionStore, SessionStore>();
        services.AddScoped<IApiKeyStore, ApiKeyStore>();
        services.AddScoped<Core.Licensing.ILicenseStore, LicenseStore>();
        services.AddScoped<IActivityStore, ActivityStore>();
        services.AddScoped<ISigningKeyStore, SigningKeyStore>();
        services.AddScoped<IServerSecretStore, ServerSecretStore>();
        services.AddScoped<ITwoFactorStore, TwoFactorStore>();
        services.AddScoped<IAuthChallengeStore, AuthChallengeStore>();
        services.AddScoped<IPasskeyStore, PasskeyStore>();
        services.AddScoped<IVerificationTicketStore, VerificationTicketStore>();
        services.AddScoped<IOutgoingMessageStore, OutgoingMessageStore>();
        services.AddScoped<Core.Common.Backlog.IBacklogStore, BacklogStore>();
        services.AddScoped<IUserIdentityStore, UserIdentityStore>();
        services.AddScoped<ISocialStateStore, SocialStateStore>();
        services.AddScoped<IOAuthClientStore, OAuthClientStore>();
        services.AddScoped<IAuthorizationCodeStore, AuthorizationCodeStore>();
        services.AddScoped<IConsentStore, ConsentStore>();
        services.AddScoped<IDeviceAuthorizationStore, DeviceAuthorizationStore>();
        services.AddScoped<IRevokedAccessTokenStore, RevokedAccessTokenStore>();
        services.AddScoped<IApiResourceStore, ApiResourceStore>();
        services.AddScoped<IRoleStore, RoleStore>();
        services.AddScoped<IAdminStore, AdminStore>();
        services.AddScoped<ISettingsStore, SettingsStore>();
        services.AddScoped<Core.Cluster.IChangeVersionStore, ChangeVersionStore>();
        services.AddScoped<Core.Cluster.ISharedCounterStore, SharedCounterStore>();
        services.AddSingleton(sp => new Core.Cluster.SharedDatabase(
            sp.GetRequiredService<IOptions<DatabaseOptions>>().Value.Provider == DatabaseOptions.Postgres));
        services.AddScoped<Core.Admin.Analytics.IAnalyticsStore, AnalyticsStore>();
        services.AddScoped<IScimUserStore, Stores.Scim.ScimUserStore>();
        services.AddScoped<IScimGroupStore, Stores.Scim.ScimGroupStore>();
        services.AddScoped<IScimTokenStore, Stores.Scim.ScimTokenStore>();
        services.AddScoped<IAccountProfileStore, AccountProfileStore>();
        services.AddScoped<IAvatarStore, AvatarStore>();
        services.AddScoped<IAccountDataStore, AccountDataStore>();
        services.AddScoped<IWebhookStore, WebhookStore>();
        services.AddScoped<Core.OAuth.BackChannel.IBackChannelLogoutStore, BackChannelLogoutStore>();
        services.AddSingleton<DatabaseMigrator>();

        services.AddDataProtection().SetApplicationName("Latchkey");
        services.AddOptions<WrappingKeyOptions>().Bind(configuration.GetSection(WrappingKeyOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<WrappingKeyOptions>, WrappingKeyValidator>();
        services.AddSingleton<WrappingKeySet>();
        services.AddScoped<KeyRingRewrapper>();
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(provider => new ConfigureOptions<KeyManagementOptions>(o =>
        {
            o.XmlRepository = new DatabaseXmlRepository(provider.GetRequiredService<IServiceScopeFactory>());
            // Without a wrapping key the ring is stored in clear (config check flags that in production).
            if (provider.GetRequiredService<WrappingKeySet>().Current is { } key) o.XmlEncryptor = new AesGcmXmlEncryptor(key);
        }));
        return services;
    }

    internal static string SqliteConnectionString(DatabaseOptions database, string? connectionString)
    {
        if (!string.IsNullOrWhiteSpace(connectionString)) return connectionString;
        var path = Path.GetFullPath(database.SqlitePath);
        return $"Data Source={path};Pooling=True;Default Timeout=30";
    }
}
