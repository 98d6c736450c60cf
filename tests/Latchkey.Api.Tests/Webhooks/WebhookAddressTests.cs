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
}
