using System.Net;
using Latchkey.Api.Tests.Admin;
using Latchkey.Api.Tests.Infrastructure;
using Latchkey.Core.Webhooks;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Latchkey.Api.Tests.Webhooks;

/// <summary>With the default settings, webhooks never reach private or loopback addresses: refused at creation and at connection.</summary>
public sealed class WebhookAddressTests(PublicOnlyWebhookServer server) : IClassFixture<PublicOnlyWebhookServer>
{
    [Fact]
    public async Task A_private_or_loopback_url_is_refused_at_creation()
    {
        var root = await server.RootAsync();
        foreach (var url in new[] { "http://127.0.0.1:8080/hook", "https://localhost/hook", "https://10.1.2.3/hook", "https://169.254.169.254/latest", "https://[::1]/hook" })
        {
            var error = await (await root.PostJsonAsync("/api/admin/webhooks", new { url, events = new[] { "*" } })).FailsAsync(HttpStatusCode.BadRequest, "validation_error");
            Assert.True(error.GetProperty("details").TryGetProperty("url", out _), url);
        }
        Assert.Equal(0, (await (await root.GetAsync("/api/admin/webhooks")).OkAsync()).GetProperty("webhooks").GetArrayLength());
    }

    [Fact]
    public async Task The_delivery_client_refuses_to_connect_to_a_loopback_address_whatever_the_url_said()
    {
        await using var receiver = new WebhookReceiver();
        await receiver.StartAsync();
        var client = server.Services.GetRequiredService<IHttpClientFactory>().CreateClient(WebhookHttp.ClientName);
        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => client.PostAsync(receiver.Url, new StringContent("{}")));
        Assert.IsType<WebhookAddressRefusedException>(refused.GetBaseException());
        Assert.Empty(receiver.Received);
    }

    [Fact]
    public async Task A_stored_webhook_whose_address_is_loopback_at_delivery_time_gets_nothing_and_its_row_says_why()
    {
        // What DNS rebinding leaves behind: a subscription that passed the creation check and now points inward. It is
        // written straight to the store, as the API refuses such a URL.
        await using var receiver = new WebhookReceiver();
        await receiver.StartAsync();
        var webhookId = Guid.NewGuid();
        await using (var scope = server.Services.CreateAsyncScope())
        {
            var now = server.Clock.GetUtcNow().UtcDateTime;
            scope.ServiceProvider.GetRequiredService<IWebhookStore>().Add(new WebhookSubscription
            {
                Id = webhookId, Url = receiver.Url, Events = " user.created ", CreatedAt = now, UpdatedAt = now,
                ProtectedSecret = scope.ServiceProvider.GetRequiredService<WebhookSecrets>().Protect(WebhookSecrets.Generate()),
            });
            await scope.ServiceProvider.GetRequiredService<Latchkey.Core.Common.IUnitOfWork>().SaveChangesAsync(CancellationToken.None);
        }

        await server.CreateClient().RegisterAsync();
        var rows = await server.WaitForRowsAsync(webhookId, rows => rows is [{ Attempts: >= 1, LastError: not null }], "a refused attempt");
        Assert.Contains("no public address", rows[0].LastError);
        Assert.Null(rows[0].LastStatusCode);
        Assert.Empty(receiver.Received);
        var root = await server.RootAsync();
        await (await root.DeleteAsync($"/api/admin/webhooks/{webhookId}")).OkAsync();
    }
}
