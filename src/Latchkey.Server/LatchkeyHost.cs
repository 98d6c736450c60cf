using Latchkey.Api;
using Latchkey.Api.Common;
using Latchkey.Api.OpenApi;
using Latchkey.Api.RateLimiting;
using Latchkey.Core;
using Latchkey.Core.Common;
using Latchkey.Core.Tokens;
using Latchkey.Core.Users;
using Latchkey.Core.Verification;
using Latchkey.Data;
using Latchkey.Data.KeyRing;
using Latchkey.Pages;
using Latchkey.Pages.Account;
using Latchkey.Pages.Admin;
using Latchkey.Server.Telemetry;
using Microsoft.Extensions.Options;

namespace Latchkey.Server;

/// <summary>Composition of the server: services, start-up tasks, pipeline.</summary>
internal static class LatchkeyHost
{
    public static void AddLatchkey(this WebApplicationBuilder builder)
    {
        builder.Configuration.AddBinaryAppSettings();
        builder.AddLatchkeyConsoleLogging();
        var services = builder.Services;
        services.AddLatchkeyCore(builder.Configuration);
        services.AddLatchkeyData(builder.Configuration);
        services.AddLatchkeyApi(builder.Configuration);
        services.AddLatchkeyPages(builder.Configuration);
        services.AddSurface(_ => HostedPageErrors.Instance, cacheable: false, [.. Pages.Flows.FlowPaths.All, Pages.Account.AccountPaths.Root, .. Pages.Admin.AdminConsoleEndpoints.Paths]);
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database").AddCheck<Api.Health.BacklogHealthCheck>("backlog");
        // An unhealthy readiness probe is the answer the probe asked for, not a fault of the server: the health-check
        // service would log an error line per probe (every few seconds from each load balancer) for as long as the
        // database is away. The background loops log the outage once instead (BackgroundFailureLog).
        builder.Logging.AddFilter("Microsoft.Extensions.Diagnostics.HealthChecks.DefaultHealthCheckService", LogLevel.Critical);
        services.AddLatchkeyApiReference();
        services.AddForwardedHeaders(builder.Configuration);
        builder.AddLatchkeyTelemetry();

        // The issuer defaults to the first address the server listens on.
        var configuration = builder.Configuration;
        services.PostConfigure<LatchkeyOptions>(o =>
        {
            var firstUrl = (configuration["Urls"] ?? "http://localhost:5080").Split(';')[0].TrimEnd('/');
            o.PublicUrl = string.IsNullOrWhiteSpace(o.PublicUrl) ? firstUrl : o.PublicUrl.TrimEnd('/');
        });
    }

    /// <summary>
    /// Settings, then migrations, server secrets, signing keys and the bootstrap admin, before the first request.
    /// Everything that can be checked without the database is checked first, so a wrong setting changes nothing.
    /// </summary>
    public static async Task StartLatchkeyAsync(this WebApplication app)
    {
        var ct = app.Lifetime.ApplicationStopping;
        await app.ValidateSettingsAsync(ct);
        WarnAboutWrappingKey(app);
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

    /// <summary>
    /// A key ring in clear is how every installation before the wrapping key ran, so a start is not refused over it;
    /// the operator is told once, and <c>config check</c> fails on it.
    /// </summary>
    private static void WarnAboutWrappingKey(WebApplication app)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Latchkey.DataProtection");
        var options = app.Services.GetRequiredService<IOptions<WrappingKeyOptions>>().Value;
        foreach (var problem in WrappingKeyAudit.Problems(options, app.Environment.IsProduction())) logger.LogWarning("{Problem}", problem);
    }

    /// <summary>The options registered with ValidateOnStart, the bootstrap admin's password and the listening ports.</summary>
    public static async Task ValidateSettingsAsync(this WebApplication app, CancellationToken ct)
    {
        app.Services.GetRequiredService<IStartupValidator>().Validate();
        await using (var scope = app.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<BootstrapAdmin>().ValidateAsync(ct);
        PortCheck.EnsureFree(app.Configuration);
    }

    public static void UseLatchkey(this WebApplication app)
    {
        app.UseMiddleware<RequestLogMiddleware>();
        app.UseTrustedForwardedHeaders();
        app.UseLatchkeyMetrics();
        app.UseLatchkeyApi();
        app.MapApiReference();
        app.MapLatchkeyApi();
        app.MapLatchkeyPages(signInPost => signInPost.RateLimited(RateLimitPolicies.Login).RateLimitSurface(RateLimitSurfaces.Pages));
        app.MapAccountConsole(guessable => guessable.RateLimited(RateLimitPolicies.TwoFactor).RateLimitSurface(RateLimitSurfaces.Pages),
            export => export.RateLimited(RateLimitPolicies.Export).RateLimitSurface(RateLimitSurfaces.Pages),
            sendMessage => sendMessage.RateLimited(RateLimitPolicies.SendMessage).RateLimitSurface(RateLimitSurfaces.Pages),
            verifyCode => verifyCode.RateLimited(RateLimitPolicies.VerifyCode).RateLimitSurface(RateLimitSurfaces.Pages));
        // The admin console's changes count against the same admin limit as the admin API.
        foreach (var post in app.MapAdminConsole()) post.RateLimited(RateLimitPolicies.Admin).RateLimitSurface(RateLimitSurfaces.Pages);
    }
}
