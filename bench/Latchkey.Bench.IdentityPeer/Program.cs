using Latchkey.Bench.IdentityPeer;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

// Latchkey.Bench.IdentityPeer --provider sqlite|postgres --connection CS [--urls URL]      serve MapIdentityApi
// Latchkey.Bench.IdentityPeer seed --provider ... --connection CS --users N --password P  create schema, bulk users
var seeding = args.FirstOrDefault() == "seed";
var builder = WebApplication.CreateBuilder(seeding ? args[1..] : args);
builder.Logging.ClearProviders();
var provider = builder.Configuration["provider"] ?? "sqlite";
var connection = builder.Configuration["connection"] ?? throw new ArgumentException("--connection is required");

builder.Services.AddDbContextPool<IdentityDb>(o =>
{
    if (provider == "postgres") o.UseNpgsql(connection);
    else o.UseSqlite(connection);
});
builder.Services.AddAuthorization();
// Tokens only need to outlive this process (the benchmark), so keys stay in memory.
builder.Services.AddDataProtection().UseEphemeralDataProtectionProvider();
builder.Services.AddIdentityApiEndpoints<IdentityUser>().AddUserStore<BenchUserStore>();

var app = builder.Build();
if (seeding) return await IdentitySeeder.SeedAsync(app.Services, builder.Configuration);

app.MapIdentityApi<IdentityUser>();
await app.RunAsync();
return 0;
