using System.Net;
using Latchkey.Api.Tests.Admin;
using Latchkey.Api.Tests.Infrastructure;
using Latchkey.Core.Webhooks;
using Xunit;

namespace Latchkey.Api.Tests.Webhooks;

/// <summary>The admin webhook endpoints: the seed's six, plus delivery history by status, redelivery and secret rotation.</summary>
public sealed class WebhookAdminTests(WebhookServer server) : IClassFixture<WebhookServer>
{
    [Fact]
    public async Task Create_shows_the_secret_once_then_list_get_update_test_and_delete_work()
    {
        var root = await server.RootAsync();
        await using var receiver = new WebhookReceiver();
        await receiver.StartAsync();
        var response = await root.PostJsonAsync("/api/admin/webhooks", new { url = receiver.Url, events = new[] { "user.created", "login.success" }, description = "CRM" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.OkAsync();
        var secret = created.Str("secret");
        Assert.StartsWith("whsec_", secret);
        var id = created.GetProperty("webhook").GetProperty("id").GetGuid();

        var list = await (await root.GetAsync("/api/admin/webhooks")).OkAsync();
        Assert.Contains(list.GetProperty("webhooks").EnumerateArray(), w => w.GetProperty("id").GetGuid() == id);
        Assert.DoesNotContain(secret, list.GetRawText());
        var detail = await (await root.GetAsync($"/api/admin/webhooks/{id}")).OkAsync();
        Assert.DoesNotContain(secret, detail.GetRawText());
        Assert.Equal(["login.success", "user.created"], detail.GetProperty("webhook").GetProperty("events").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("CRM", detail.GetProperty("webhook").Str("description"));

        var updated = await (await root.PutJsonAsync($"/api/admin/webhooks/{id}", new { events = new[] { "*" } })).OkAsync();
        Assert.Equal(["*"], updated.GetProperty("webhook").GetProperty("events").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(receiver.Url, updated.GetProperty("webhook").Str("url"));

        receiver.Secrets[secret] = true;
        var test = await (await root.PostAsync($"/api/admin/webhooks/{id}/test", null)).OkAsync();
        Assert.True(test.GetProperty("delivered").GetBoolean());
        Assert.Equal(200, test.GetProperty("delivery").GetProperty("statusCode").GetInt32());
        var received = receiver.OfType("webhook.test").Single();
        Assert.Equal([secret], received.VerifiedBy);

        // "*" gets every event; the history is filtered by status.
        await server.CreateClient().RegisterAsync();
        await server.WaitForRowsAsync(id, rows => rows.Count(r => r.Status == "delivered") == 2, "test and user.created delivered");
        Assert.Equal(2, (await root.DeliveriesAsync(id, "delivered")).Count);
        Assert.Empty(await root.DeliveriesAsync(id, "failed"));

        await (await root.DeleteAsync($"/api/admin/webhooks/{id}")).OkAsync();
        await (await root.GetAsync($"/api/admin/webhooks/{id}")).FailsAsync(HttpStatusCode.NotFound, "not_found");
        Assert.Empty(await server.WaitForRowsAsync(id, rows => rows.Count == 0, "no delivery records left"));
    }

    [Fact]
    public async Task After_a_rotation_deliveries_carry_both_signatures_so_receivers_with_either_secret_verify()
    {
        var root = await server.RootAsync();
        await using var receiver = new WebhookReceiver();
        await receiver.StartAsync();
        var (id, oldSecret) = await root.CreateWebhookAsync(receiver.Url, "user.created");
        var rotated = await (await root.PostAsync($"/api/admin/webhooks/{id}/rotate-secret", null)).OkAsync();
        var newSecret = rotated.Str("secret");
        Assert.NotEqual(oldSecret, newSecret);
        Assert.True(rotated.GetProperty("webhook").TryGetProperty("previousSecretExpiresAt", out var until) && until.ValueKind != System.Text.Json.JsonValueKind.Null);
        receiver.Secrets[oldSecret] = true;
        receiver.Secrets[newSecret] = true;

        await server.CreateClient().RegisterAsync();
        await receiver.WaitForAsync(r => r.Accepted().Count == 1, "the event");
        var signed = receiver.Accepted()[0];
        Assert.Equal(2, signed.Signature.Split(' ').Length);
        // NuGet StandardWebhooks 1.1.2 checks only the first signature of the header (its loop stops before the
        // last one), so it verifies the new secret, which is sent first; npm standardwebhooks checks each.
        Assert.Equal([newSecret], signed.VerifiedBy);
        await NodeWebhookVerifier.VerifyAsync(oldSecret, [signed]);
        await NodeWebhookVerifier.VerifyAsync(newSecret, [signed]);
        await (await root.DeleteAsync($"/api/admin/webhooks/{id}")).OkAsync();
    }

    [Fact]
    public async Task Bad_input_is_a_4xx_in_the_platform_shape_and_creates_nothing()
    {
        var root = await server.RootAsync();
        var before = (await (await root.GetAsync("/api/admin/webhooks")).OkAsync()).GetProperty("webhooks").GetArrayLength();
        const string url = "http://127.0.0.1:9/hook";
        foreach (var (body, field) in new (object, string)[]
        {
            (new { events = new[] { "user.created" } }, "url"),
            (new { url, }, "events"),
            (new { url = "ftp://example.com/hook", events = new[] { "*" } }, "url"),
            (new { url = "not a url", events = new[] { "*" } }, "url"),
            (new { url = "http://example.com/hook", events = new[] { "*" } }, "url"), // http to a host not allowed
            (new { url, events = Array.Empty<string>() }, "events"),
            (new { url, events = new[] { "user.exploded" } }, "events"),
            (new { url, events = new[] { "*" }, secret = "plain-text" }, "secret"),
            (new { url, events = new[] { "*" }, description = new string('d', 201) }, "description"),
        })
        {
            var error = await (await root.PostJsonAsync("/api/admin/webhooks", body)).FailsAsync(HttpStatusCode.BadRequest, "validation_error");
            Assert.True(error.GetProperty("details").TryGetProperty(field, out _), error.GetRawText());
        }
        var malformed = await root.PostRawAsync("/api/admin/webhooks", "{\"url\":");
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.False((await malformed.JsonAsync()).GetProperty("success").GetBoolean());
        Assert.Equal(before, (await (await root.GetAsync("/api/admin/webhooks")).OkAsync()).GetProperty("webhooks").GetArrayLength());

        var (id, _) = await root.CreateWebhookAsync(url, "user.created");
        await (await root.GetAsync($"/api/admin/webhooks/{id}/deliveries?status=lost")).FailsAsync(HttpStatusCode.BadRequest, "validation_error");
        await (await root.GetAsync($"/api/admin/webhooks/{id}/deliveries?limit=1000")).FailsAsync(HttpStatusCode.BadRequest, "validation_error");
        await (await root.PutJsonAsync($"/api/admin/webhooks/{id}", new { secret = WebhookSecrets.Generate() })).FailsAsync(HttpStatusCode.BadRequest, "validation_error");
        await (await root.PutJsonAsync($"/api/admin/webhooks/{id}", new { events = new[] { "nope" } })).FailsAsync(HttpStatusCode.BadRequest, "validation_error");
        var missing = Guid.NewGuid();
        await (await root.GetAsync($"/api/admin/webhooks/{missing}")).FailsAsync(HttpStatusCode.NotFound, "not_found");
        await (await root.PutJsonAsync($"/api/admin/webhooks/{missing}", new { active = false })).FailsAsync(HttpStatusCode.NotFound, "not_found");
        await (await root.DeleteAsync($"/api/admin/webhooks/{missing}")).FailsAsync(HttpStatusCode.NotFound, "not_found");
        await (await root.PostAsync($"/api/admin/webhooks/{missing}/test", null)).FailsAsync(HttpStatusCode.NotFound, "not_found");
        await (await root.PostAsync($"/api/admin/webhooks/{missing}/rotate-secret", null)).FailsAsync(HttpStatusCode.NotFound, "not_found");
        await (await root.PostAsync($"/api/admin/webhooks/{id}/deliveries/{missing}/redeliver", null)).FailsAsync(HttpStatusCode.NotFound, "not_found");
        await (await root.DeleteAsync($"/api/admin/webhooks/{id}")).OkAsync();
    }

    [Fact]
    public async Task Reading_needs_webhooks_read_and_changing_needs_webhooks_manage()
    {
        var root = await server.RootAsync();
        var (id, _) = await root.CreateWebhookAsync("http://127.0.0.1:9/hook", "user.created");
        await (await root.PostJsonAsync("/api/admin/roles", new { name = "hook-reader", permissions = new[] { "webhooks:read" } })).OkAsync();
        var (reader, _, _) = await server.WithRoleAsync(root, "hook-reader");
        var (moderator, _, _) = await server.WithRoleAsync(root, "moderator");

        await (await server.CreateClient().GetAsync("/api/admin/webhooks")).FailsAsync(HttpStatusCode.Unauthorized, "unauthorized");
        await (await moderator.GetAsync("/api/admin/webhooks")).FailsAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await reader.GetAsync("/api/admin/webhooks")).OkAsync();
        await (await reader.GetAsync($"/api/admin/webhooks/{id}/deliveries")).OkAsync();
        await (await reader.PostJsonAsync("/api/admin/webhooks", new { url = "http://127.0.0.1:9/x", events = new[] { "*" } })).FailsAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await reader.PostAsync($"/api/admin/webhooks/{id}/rotate-secret", null)).FailsAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await reader.DeleteAsync($"/api/admin/webhooks/{id}")).FailsAsync(HttpStatusCode.Forbidden, "forbidden");
        var roles = await (await root.GetAsync("/api/admin/roles")).OkAsync();
        var admin = roles.GetProperty("roles").EnumerateArray().Single(r => r.Str("name") == "admin");
        Assert.Contains("webhooks:manage", admin.GetProperty("permissions").EnumerateArray().Select(p => p.GetString()));
        await (await root.DeleteAsync($"/api/admin/webhooks/{id}")).OkAsync();
    }
}
