using Latchkey.Bench.Seed;
using Latchkey.Core.Credentials;
using Latchkey.Data;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

// Usage: Latchkey.Bench.Seed --Latchkey:Database:Provider=sqlite|postgres --ConnectionStrings:Latchkey=...
//          --users N --password P --secrets-out FILE --secrets-count K [--salt S]
// The schema must exist (run `Latchkey.Server migrate` first). Users are bench0..bench{N-1}
// (email bench{i}@bench.test), all with the password P hashed once.
var config = new ConfigurationBuilder().AddCommandLine(args).Build();
var users = long.Parse(config["users"] ?? throw new ArgumentException("--users is required"));
var password = config["password"] ?? throw new ArgumentException("--password is required");
var secretsOut = config["secrets-out"] ?? throw new ArgumentException("--secrets-out is required");
var secretsCount = Math.Min(users, long.Parse(config["secrets-count"] ?? "10000"));
var salt = config["salt"] ?? "s";

var services = new ServiceCollection().AddLogging().AddLatchkeyData(config).BuildServiceProvider();
using var scope = services.CreateScope();
var db = scope.ServiceProvider.GetRequiredService<LatchkeyDbContext>();

var started = DateTime.UtcNow;
// One real Argon2id hash at the server's parameters (its defaults unless Latchkey:Passwords:Hashing is given, as
// bench/run.sh does with BENCH_LATCHKEY_ARGS), shared by every seeded user: sign-in then verifies at that cost.
var hashing = config.GetSection("Latchkey:Passwords:Hashing").Get<PasswordHashingOptions>() ?? new PasswordHashingOptions();
var hash = await new Argon2idPasswordHasher(Options.Create(hashing)).HashAsync(password);
var seeder = config["Latchkey:Database:Provider"] == DatabaseOptions.Postgres
    ? (ISeeder)new PostgresSeeder(db)
    : new SqliteSeeder(db);
await seeder.SeedAsync(users, hash, salt, started);
BenchSecrets.WriteFile(secretsOut, salt, 0, secretsCount);
Console.WriteLine($"seeded {users} users, sessions and refresh tokens in {(DateTime.UtcNow - started).TotalSeconds:F1}s");
return 0;
