using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Latchkey.Core.Webhooks;

/// <summary>Webhook subscriptions, the outbox that feeds from the activity log, and the dispatcher (settings checked at start).</summary>
public static class WebhookServiceCollectionExtensions
{
    public static IServiceCollection AddLatchkeyWebhooks(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<WebhookOptions>().Bind(configuration.GetSection("Latchkey:Webhooks")).ValidateDataAnnotations()
            .Validate(o => o.MaxRetryDelay >= o.RetryDelay, "Latchkey:Webhooks:MaxRetryDelay must not be shorter than RetryDelay.")
            // A lease that lapses while its row is still in flight lets a second node send it too.
            .Validate(o => o.ClaimLease is not { } lease || lease > o.BatchWorstCase,
                "Latchkey:Webhooks:ClaimLease must be longer than Timeout × ceil(BatchSize / MaxConcurrencyPerEndpoint).")
            .ValidateOnStart();
        services.AddHttpClient(WebhookHttp.ClientName, c => c.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(sp => WebhookHttp.CreateHandler(sp.GetRequiredService<IOptions<WebhookOptions>>().Value.AllowPrivateNetworks));
        services.AddSingleton<WebhookSecrets>();
        services.AddSingleton<WebhookSender>();
        services.AddSingleton<WebhookDeliverer>();
        services.AddSingleton<WebhookDispatchSignal>();
        services.AddSingleton<WebhookDraftValidator>();
        services.AddScoped<WebhookOutbox>();
        services.AddScoped<WebhookAdministration>();
        services.AddSingleton<WebhookDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<WebhookDispatcher>());
        services.AddHostedService<WebhookHistoryPruner>();
        return services;
    }
}
