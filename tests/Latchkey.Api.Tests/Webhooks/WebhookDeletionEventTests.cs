using System.Net;
using System.Text.Json;
using Latchkey.Api.Tests.Admin;
using Latchkey.Api.Tests.Infrastructure;
using Latchkey.Api.Tests.Nube;
using Latchkey.Api.Tests.Pages;
using Latchkey.Api.Tests.Scim;
using Xunit;

namespace Latchkey.Api.Tests.Webhooks;

/// <summary>
/// Every path that deletes an account raises <c>user.deleted</c> once, in one shape: the owner through the API, the
/// account console and Nube; an administrator; an identity provider over SCIM. The payload names the account by the
/// id receivers already hold and who deleted it, and nothing personal.
/// </summary>
public sealed class WebhookDeletionEventTests(WebhookServer server) : IClassFixture<WebhookServer>
{
    [Fact]
    public async Task Each_deletion_path_sends_one_user_deleted_with_the_id_and_no_personal_data()
    {
        var root = await server.RootAsync();
        await using var receiver = new WebhookReceiver();
        await receiver.StartAsync();
        var (webhookId, secret) = await root.CreateWebhookAsync(receiver.Url, "user.deleted");
        receiver.Secrets[secret] = true;
        var deleted = new List<(Guid Id, string Email, string By)>();

        var (api, apiEmail) = await server.SignedInAsync();
        var apiId = await api.MyIdAsync();
        // A refused proof records a failed user.deleted activity row: it deleted nothing and must send nothing.
        await (await api.SendAsync(HttpMethod.Delete, "/api/user/delete", body: new { password = "not-my-password-at-all" }))
            .FailsAsync(HttpStatusCode.BadRequest, "invalid_current_password");
        await (await api.SendAsync(HttpMethod.Delete, "/api/user/delete", body: new { password = Accounts.Password })).OkAsync();
        deleted.Add((apiId, apiEmail, "self"));

        var (browser, consoleEmail) = await server.SignedInAsync();
        var consoleId = await browser.MyIdAsync();
        var (page, html) = await ConsoleForms.SendFormAsync(browser, "/account/data", "/account/data/delete", ("password", Accounts.Password), ("confirm", "yes"));
        Assert.True(page.StatusCode == HttpStatusCode.OK, html);
        deleted.Add((consoleId, consoleEmail, "self"));

        var nube = server.CreateClient();
        var nubeEmail = await nube.RegisterAsync();
        var (access, _) = await nube.SimpleLoginAsync(nubeEmail);
        var nubeUser = (await (await nube.GetAsync("/v1/users/me", access)).NubeDataAsync()).GetProperty("id").GetGuid();
        var gone = await nube.SendAsync(HttpMethod.Delete, "/v1/users/me", access, new { currentPassword = Accounts.Password });
        Assert.True(gone.IsSuccessStatusCode, await gone.Content.ReadAsStringAsync());
        deleted.Add((nubeUser, nubeEmail, "self"));

        var (target, adminTargetEmail) = await server.SignedInAsync();
        var adminTargetId = await target.MyIdAsync();
        await (await root.DeleteAsync($"/api/admin/users/{adminTargetId}")).OkAsync();
        deleted.Add((adminTargetId, adminTargetEmail, "admin"));

        var scim = await ScimClient.CreateAsync(server, root);
        var scimUser = await scim.CreateUserAsync();
        var scimEmail = scimUser.Str("userName"); // an address
        await ScimClient.ExpectAsync(await scim.SendAsync(HttpMethod.Delete, $"/Users/{scimUser.Str("id")}"), HttpStatusCode.NoContent);
        deleted.Add((Guid.Parse(scimUser.Str("id")), scimEmail, "scim"));

        await receiver.WaitForAsync(r => r.OfType("user.deleted").Count >= deleted.Count, "one user.deleted per deletion");
        var events = receiver.OfType("user.deleted");
        Assert.Equal(deleted.Count, events.Count);
        foreach (var (id, email, by) in deleted)
        {
            var delivery = Assert.Single(events, e => e.Payload.GetProperty("data").Str("userId") == id.ToString());
            Assert.Equal([secret], delivery.VerifiedBy);
            var data = delivery.Payload.GetProperty("data");
            Assert.Equal(["activityId", "userId", "success", "ipAddress", "userAgent", "details"], data.EnumerateObject().Select(p => p.Name));
            Assert.Equal(JsonValueKind.Null, data.GetProperty("ipAddress").ValueKind);
            Assert.Equal(JsonValueKind.Null, data.GetProperty("userAgent").ValueKind);
            Assert.Equal($$"""{"by":"{{by}}"}""", data.GetProperty("details").GetRawText());
            Assert.DoesNotContain(email, delivery.Body, StringComparison.OrdinalIgnoreCase);
        }
        await (await root.DeleteAsync($"/api/admin/webhooks/{webhookId}")).OkAsync();
    }
}
