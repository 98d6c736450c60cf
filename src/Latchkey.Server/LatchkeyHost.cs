using Latchkey.Api;
using Latchkey.Api.RateLimiting;
using Latchkey.Core;
using Latchkey.Core.Common;
using Latchkey.Core.Tokens;
using Latchkey.Core.Users;
using Latchkey.Core.Verification;
using Latchkey.Data;
using Latchkey.Pages;
using Microsoft.Extensions.Options;

namespace Latchkey.Server;

/// <summary>Composition of the server: services, start-up tasks, pipeline.</summary>
internal static class LatchkeyHost
{
    public static void AddLatchkey(this WebApplicationBuilder builder)
    {
        builder.Configuration.AddBinaryAppSettings();
        var services = builder.Services;
        services.AddLatchkeyCore(builder.Configuration);
        services.AddLatchkeyData(builder.Configuration);
        services.AddLatchkeyApi(builder.Configuration);
        services.AddLatchkeyPages(builder.Configuration);
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        services.AddOpenApi();
        services.AddForwardedHeaders(builder.Configuration);

        // The issuer defaults to the first address the server listens on.
        var configuration = builder.Configuration;
        services.PostConfigure<LatchkeyOptions>(o =>
        {
            var firstUrl = (configuration["Urls"] ?? "http://localhost:5080").Split(';')[0].TrimEnd('/');
            o.PublicUrl = string.IsNullOrWhiteSpace(o.PublicUrl) ? firstUrl : o.PublicUrl.TrimEnd('/');
        });
    }

    /// <summary>Migrations, server secrets, signing keys and the bootstrap admin, before the first request.</summary>
    public static async Task StartLatchkeyAsync(this WebApplication app)
    {
        var ct = app.Lifetime.ApplicationStopping;
        if (app.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value.MigrateOnStart)
            await app.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync(ct);
        await app.Services.GetRequiredService<ServerSecrets>().LoadOrCreateAsync(ServerSecrets.RefreshSuccessorKey, ct);
        await app.Services.GetRequiredService<ServerSecrets>().LoadOrCreateAsync(TicketService.CodeKeyName, ct);
        await app.Services.GetRequiredService<SigningKeyRing>().InitializeAsync(ct);
        // Administrators' runtime overrides, before anything (the bootstrap admin's password check included) reads an option.
        await app.Services.GetRequiredService<Core.Settings.SettingsCache>().RefreshAsync(ct);
        await using (var scope = app.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<BootstrapAdmin>().EnsureAsync(ct);
        app.Lifetime.ApplicationStarted.Register(() => StartupBanner.Print(app));
    }

    public static void UseLatchkey(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UseLatchkeyApi();
        app.MapOpenApi("/openapi/v1.json");
        app.UseSwaggerUI(o =>
        {
            o.RoutePrefix = "docs";
            o.SwaggerEndpoint("/openapi/v1.json", "Latchkey");
        });
        app.MapLatchkeyApi();
        app.MapLatchkeyPages(signInPost => signInPost.RateLimited(RateLimitPolicies.Login));
    }
}
