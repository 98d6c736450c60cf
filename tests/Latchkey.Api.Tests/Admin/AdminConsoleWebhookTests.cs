using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Latchkey.Api.Tests.Infrastructure;
using Latchkey.Api.Tests.OAuth;
using Latchkey.Api.Tests.Webhooks;
using Xunit;
using static Latchkey.Api.Tests.Pages.PageForms;

namespace Latchkey.Api.Tests.Admin;

/// <summary>
/// The console's webhook pages over HTTP (issue 18), on both databases: a moderator refused, bad input answered by
/// its field with what was typed kept, and the whole life of a webhook (create with the secret shown once, change,
/// test, history with its status filter, redeliver, rotate and delete after confirmation), each change recorded
/// with the acting administrator.
/// </summary>
public sealed partial class AdminConsoleWebhookTests(WebhookServer server) : IClassFixture<WebhookServer>
{
    [Fact]
    public async Task A_moderator_is_refused_the_webhook_pages_and_their_forms()
    {
        var root = await server.RootAsync();
        var (moderator, _, _) = await server.WithRoleAsync(root, "moderator");
        var (list, listHtml) = await GetAsync(moderator, "/admin/webhooks");
        AssertPage(list, listHtml, HttpStatusCode.Forbidden, "webhooks:read");
        Assert.DoesNotContain("href=\"/admin/webhooks\"", (await GetAsync(moderator, "/admin")).Html);
        var (dashboard, dashboardHtml) = await GetAsync(moderator, "/admin");
        AssertPage(dashboard, dashboardHtml, HttpStatusCode.OK);
        var token = OAuthFlows.FormFields(dashboardHtml);
        var created = await moderator.PostAsync("/admin/webhooks", new FormUrlEncodedContent(token.Append(new("url", "http://127.0.0.1:9/x"))));
        AssertPage(created, await created.Content.ReadAsStringAsync(), HttpStatusCode.Forbidden, "webhooks:manage");
        var (history, historyHtml) = await GetAsync(moderator, $"/admin/webhooks/{Guid.NewGuid()}/deliveries");
        AssertPage(history, historyHtml, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Bad_input_is_shown_by_its_field_and_keeps_what_was_typed_with_nothing_created()
    {
        var root = await server.RootAsync();
        var before = await WebhookCountAsync(root);
        var (badUrl, badUrlHtml) = await PostAsync(root, "/admin/webhooks", "/admin/webhooks",
            ("url", "not a url"), ("description", "Typed CRM"), ("events", "user.created"), ("active", "true"));
        AssertPage(badUrl, badUrlHtml, HttpStatusCode.BadRequest, "url must be an absolute https URL");
        Assert.Contains("id=\"url-error\"", badUrlHtml);
        Assert.Contains("value=\"Typed CRM\"", badUrlHtml);
        Assert.Matches("id=\"event-user-created\" name=\"events\" value=\"user.created\" checked", badUrlHtml);

        var (noEvents, noEventsHtml) = await PostAsync(root, "/admin/webhooks", "/admin/webhooks", ("url", "http://127.0.0.1:9/hook"));
        AssertPage(noEvents, noEventsHtml, HttpStatusCode.BadRequest, "events must name at least one event type");
        Assert.Contains("id=\"events-error\"", noEventsHtml);
        Assert.Contains("value=\"http://127.0.0.1:9/hook\"", noEventsHtml);
        Assert.Equal(before, await WebhookCountAsync(root));

        var (missing, missingHtml) = await GetAsync(root, $"/admin/webhooks/{Guid.NewGuid()}");
        AssertPage(missing, missingHtml, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_webhook_is_created_changed_tested_redelivered_rotated_and_deleted_from_the_console()
    {
        var root = await server.RootAsync();
        var adminId = await root.MyIdAsync();
        await using var receiver = new WebhookReceiver();
        await receiver.StartAsync();

        var (created, createdHtml) = await PostAsync(root, "/admin/webhooks", "/admin/webhooks",
            ("url", receiver.Url), ("description", "Console hook"), ("events", "*"), ("active", "true"));
        AssertPage(created, createdHtml, HttpStatusCode.OK, "shown only this once");
        // The page HTML-encodes the secret's base64 ('+' as &#x2B;).
        var secret = WebUtility.HtmlDecode(Regex.Match(createdHtml, "id=\"webhook-secret\">([^<]+)<").Groups[1].Value);
        Assert.StartsWith("whsec_", secret);
        receiver.Secrets[secret] = true;
        var id = Guid.Parse(Regex.Match(createdHtml, "href=\"/admin/webhooks/([0-9a-f-]{36})\"").Groups[1].Value);
        var (list, listHtml) = await GetAsync(root, "/admin/webhooks");
        AssertPage(list, listHtml, HttpStatusCode.OK, receiver.Url);
        Assert.DoesNotContain(secret, listHtml);

        var (saved, _) = await PostAsync(root, $"/admin/webhooks/{id}", $"/admin/webhooks/{id}",
            ("action", "save"), ("url", receiver.Url), ("events", "user.created"), ("events", "login.success"), ("active", "true"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var (page, pageHtml) = await GetAsync(root, $"/admin/webhooks/{id}?done=1");
        AssertPage(page, pageHtml, HttpStatusCode.OK, "Saved.");
        Assert.DoesNotContain(secret, pageHtml);
        var events = (await (await root.GetAsync($"/api/admin/webhooks/{id}")).OkAsync()).GetProperty("webhook").GetProperty("events");
        Assert.Equal(["login.success", "user.created"], events.EnumerateArray().Select(e => e.GetString()));
        var (badSave, badSaveHtml) = await PostAsync(root, $"/admin/webhooks/{id}", $"/admin/webhooks/{id}",
            ("action", "save"), ("url", "ftp://typed.example"), ("events", "user.created"), ("active", "true"));
        AssertPage(badSave, badSaveHtml, HttpStatusCode.BadRequest);
        Assert.Contains("id=\"url-error\"", badSaveHtml);
        Assert.Contains("value=\"ftp://typed.example\"", badSaveHtml);

        var (tested, testedHtml) = await PostAsync(root, $"/admin/webhooks/{id}", $"/admin/webhooks/{id}", ("action", "test"));
        AssertPage(tested, testedHtml, HttpStatusCode.OK);
        Assert.StartsWith("Test event delivered, HTTP 200", Regex.Match(testedHtml, "id=\"(?:test-outcome|webhook-error)\"[^>]*>([^<]*)<").Groups[1].Value);
        Assert.Single(receiver.OfType("webhook.test"));

        var (history, historyHtml) = await GetAsync(root, $"/admin/webhooks/{id}/deliveries");
        AssertPage(history, historyHtml, HttpStatusCode.OK, "1 delivery found, page 1 of 1.");
        Assert.Contains("<td class=\"delivery-status\">delivered</td><td>200</td>", historyHtml);
        var (failed, failedHtml) = await GetAsync(root, $"/admin/webhooks/{id}/deliveries?status=failed");
        AssertPage(failed, failedHtml, HttpStatusCode.OK, "0 deliveries found");
        var (badStatus, badStatusHtml) = await GetAsync(root, $"/admin/webhooks/{id}/deliveries?status=lost");
        AssertPage(badStatus, badStatusHtml, HttpStatusCode.BadRequest, "status must be one of");
        Assert.Contains("id=\"status-error\"", badStatusHtml);

        var deliveryId = Regex.Match(historyHtml, $"/admin/webhooks/{id}/deliveries/([0-9a-f-]{{36}})/redeliver").Groups[1].Value;
        var (redelivered, _) = await PostAsync(root, $"/admin/webhooks/{id}/deliveries", $"/admin/webhooks/{id}/deliveries/{deliveryId}/redeliver");
        Assert.Equal(HttpStatusCode.Redirect, redelivered.StatusCode);
        Assert.Equal($"/admin/webhooks/{id}/deliveries?redelivered=1", redelivered.Headers.Location!.OriginalString);
        await receiver.WaitForAsync(r => r.OfType("webhook.test").Count == 2, "the redelivered test event");

        var (unconfirmed, unconfirmedHtml) = await PostAsync(root, $"/admin/webhooks/{id}", $"/admin/webhooks/{id}", ("action", "rotate"));
        AssertPage(unconfirmed, unconfirmedHtml, HttpStatusCode.BadRequest, "Tick the box to confirm");
        Assert.Contains("id=\"confirm-error\"", unconfirmedHtml);
        var (rotated, rotatedHtml) = await PostAsync(root, $"/admin/webhooks/{id}", $"/admin/webhooks/{id}", ("action", "rotate"), ("confirm", "yes"));
        AssertPage(rotated, rotatedHtml, HttpStatusCode.OK, "shown only this once");
        var newSecret = WebUtility.HtmlDecode(Regex.Match(rotatedHtml, "id=\"webhook-secret\">([^<]+)<").Groups[1].Value);
        Assert.StartsWith("whsec_", newSecret);
        Assert.NotEqual(secret, newSecret);

        var (deleted, _) = await PostAsync(root, $"/admin/webhooks/{id}", $"/admin/webhooks/{id}", ("action", "delete"), ("confirm", "yes"));
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        var (gone, goneHtml) = await GetAsync(root, $"/admin/webhooks/{id}");
        AssertPage(gone, goneHtml, HttpStatusCode.NotFound);

        foreach (var type in new[] { "webhook.created", "webhook.updated", "webhook.tested", "webhook.redelivered", "webhook.secret_rotated", "webhook.deleted" })
        {
            var activity = await (await root.GetAsync($"/api/admin/activity?userId={adminId}&type={type}")).OkAsync();
            Assert.Contains(activity.GetProperty("activities").EnumerateArray(), a =>
                JsonDocument.Parse(a.Str("details")).RootElement.GetProperty("actorId").GetGuid() == adminId
                && a.Str("details").Contains(id.ToString(), StringComparison.Ordinal));
        }
    }

    private static async Task<int> WebhookCountAsync(HttpClient root) =>
        (await (await root.GetAsync("/api/admin/webhooks")).OkAsync()).GetProperty("webhooks").GetArrayLength();

    /// <summary>
    /// Opens <paramref name="path"/> and posts its antiforgery token with <paramref name="input"/> (a name may repeat, as
    /// ticked boxes do). A page with several forms carries the token in each: the first is taken.
    /// </summary>
    private static async Task<(HttpResponseMessage Response, string Html)> PostAsync(HttpClient browser, string path, string action,
        params (string Name, string Value)[] input)
    {
        var (page, html) = await GetAsync(browser, path);
        Assert.True(page.IsSuccessStatusCode, $"{path}: {(int)page.StatusCode}");
        var fields = HiddenInput().Matches(html).DistinctBy(m => m.Groups[1].Value)
            .Select(m => KeyValuePair.Create(WebUtility.HtmlDecode(m.Groups[1].Value), WebUtility.HtmlDecode(m.Groups[2].Value)))
            .Concat(input.Select(i => KeyValuePair.Create(i.Name, i.Value)));
        var response = await browser.PostAsync(action, new FormUrlEncodedContent(fields));
        return (response, await response.Content.ReadAsStringAsync());
    }

    [GeneratedRegex("<input type=\"hidden\" name=\"([^\"]*)\" value=\"([^\"]*)\"")]
    private static partial Regex HiddenInput();
}
