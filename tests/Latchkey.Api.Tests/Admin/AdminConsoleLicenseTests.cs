using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Latchkey.Api.Tests.Infrastructure;
using Xunit;
using static Latchkey.Api.Tests.Pages.PageForms;

namespace Latchkey.Api.Tests.Admin;

/// <summary>
/// The console's plans and licenses pages over HTTP (issue 18), on both databases: a moderator refused, bad input
/// answered by its field with what was typed kept, a plan created and changed, a license granted (its key shown
/// once), listed by status and account one page at a time, its usage shown, suspended after confirmation and
/// renewed, each change recorded with the acting administrator.
/// </summary>
public sealed class AdminConsoleLicenseTests(AdminServer server) : IClassFixture<AdminServer>
{
    [Fact]
    public async Task A_moderator_is_refused_the_plans_and_licenses_pages_and_their_forms()
    {
        var root = await server.RootAsync();
        var (moderator, _, _) = await server.WithRoleAsync(root, "moderator");
        foreach (var path in new[] { "/admin/plans", "/admin/licenses", $"/admin/licenses/{Guid.NewGuid()}", $"/admin/plans/{Guid.NewGuid()}" })
        {
            var (refused, refusedHtml) = await GetAsync(moderator, path);
            AssertPage(refused, refusedHtml, HttpStatusCode.Forbidden, "licenses:manage");
        }
        var (dashboard, dashboardHtml) = await GetAsync(moderator, "/admin");
        AssertPage(dashboard, dashboardHtml, HttpStatusCode.OK);
        Assert.DoesNotContain("href=\"/admin/licenses\"", dashboardHtml);
        var fields = OAuth.OAuthFlows.FormFields(dashboardHtml);
        fields["code"] = "sneaky";
        fields["name"] = "Sneaky";
        var posted = await moderator.PostAsync("/admin/plans", new FormUrlEncodedContent(fields));
        AssertPage(posted, await posted.Content.ReadAsStringAsync(), HttpStatusCode.Forbidden);
        Assert.DoesNotContain("sneaky", (await GetAsync(root, "/admin/plans")).Html);
    }

    [Fact]
    public async Task Plans_are_created_and_changed_with_bad_input_shown_by_its_field()
    {
        var root = await server.RootAsync();
        var code = $"plan-{Guid.NewGuid():N}"[..16];
        var (badCode, badCodeHtml) = await SubmitAsync(root, "/admin/plans", "/admin/plans", ("code", "Not A Code"), ("name", "Typed plan"), ("seats", "1"));
        AssertPage(badCode, badCodeHtml, HttpStatusCode.BadRequest, "code must be 1 to 64");
        Assert.Contains("id=\"code-error\"", badCodeHtml);
        Assert.Contains("value=\"Typed plan\"", badCodeHtml);
        var (badSeats, badSeatsHtml) = await SubmitAsync(root, "/admin/plans", "/admin/plans", ("code", code), ("name", "Pro"), ("seats", "many"));
        AssertPage(badSeats, badSeatsHtml, HttpStatusCode.BadRequest, "Seats must be a whole number");
        Assert.Contains("value=\"many\"", badSeatsHtml);
        var (badLine, badLineHtml) = await SubmitAsync(root, "/admin/plans", "/admin/plans", ("code", code), ("name", "Pro"),
            ("entitlements", "api_calls lots month"));
        AssertPage(badLine, badLineHtml, HttpStatusCode.BadRequest);
        Assert.Contains("id=\"entitlements-error\"", badLineHtml);
        Assert.DoesNotContain(code, (await GetAsync(root, "/admin/plans")).Html);

        var (created, _) = await SubmitAsync(root, "/admin/plans", "/admin/plans", ("code", code), ("name", "Pro"), ("seats", "3"),
            ("durationDays", "30"), ("trialDays", "0"), ("entitlements", "api_calls 100 month\nexport"));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var planPath = created.Headers.Location!.OriginalString.Split('?')[0];
        var (page, pageHtml) = await GetAsync(root, planPath + "?done=created");
        AssertPage(page, pageHtml, HttpStatusCode.OK, "Plan created.");
        Assert.Contains("api_calls 100 month\nexport", WebUtility.HtmlDecode(pageHtml));
        var (taken, takenHtml) = await SubmitAsync(root, "/admin/plans", "/admin/plans", ("code", code), ("name", "Again"));
        AssertPage(taken, takenHtml, HttpStatusCode.Conflict);
        Assert.Contains("id=\"code-error\"", takenHtml);

        var (saved, _) = await SubmitAsync(root, planPath, planPath, ("name", "Pro plus"), ("seats", "5"), ("durationDays", ""), ("trialDays", "7"),
            ("entitlements", "export"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var plan = (await GetAsync(root, "/admin/plans")).Html;
        Assert.Matches($"<code>{code}</code></a></td><td>Pro plus</td><td>5</td>\\s*<td>until revoked</td><td>7 days</td>", plan);
        var (badEdit, badEditHtml) = await SubmitAsync(root, planPath, planPath, ("name", ""), ("seats", "5"));
        AssertPage(badEdit, badEditHtml, HttpStatusCode.BadRequest, "name must be 1 to 100 characters");
        Assert.Contains("id=\"name-error\"", badEditHtml);

        var adminId = await root.MyIdAsync();
        var activity = await (await root.GetAsync($"/api/admin/activity?userId={adminId}&type=license.plan_updated")).OkAsync();
        Assert.Contains(activity.GetProperty("activities").EnumerateArray(), a => a.GetProperty("actorId").GetGuid() == adminId && a.Str("details").Contains(code));
    }

    [Fact]
    public async Task A_license_is_granted_listed_by_status_and_account_shown_with_usage_suspended_and_renewed()
    {
        var root = await server.RootAsync();
        var adminId = await root.MyIdAsync();
        var code = $"lic-{Guid.NewGuid():N}"[..16];
        var (plan, _) = await SubmitAsync(root, "/admin/plans", "/admin/plans", ("code", code), ("name", "Metered"), ("seats", "2"),
            ("durationDays", "30"), ("trialDays", "0"), ("entitlements", "api_calls 100 month"));
        Assert.Equal(HttpStatusCode.Redirect, plan.StatusCode);
        var (_, holderId, _) = await server.WithRoleAsync(root, "user");

        var (badUser, badUserHtml) = await SubmitAsync(root, "/admin/licenses", "/admin/licenses", ("userId", "someone"), ("plan", code), ("seats", "2"));
        AssertPage(badUser, badUserHtml, HttpStatusCode.BadRequest, "Account id must be an account's id");
        Assert.Contains("id=\"userId-error\"", badUserHtml);
        Assert.Contains("value=\"someone\"", badUserHtml);
        var (unknown, unknownHtml) = await SubmitAsync(root, "/admin/licenses", "/admin/licenses", ("userId", Guid.NewGuid().ToString()), ("plan", code));
        AssertPage(unknown, unknownHtml, HttpStatusCode.BadRequest, "No such user");

        var (granted, grantedHtml) = await SubmitAsync(root, "/admin/licenses", "/admin/licenses", ("userId", holderId.ToString()), ("plan", code));
        AssertPage(granted, grantedHtml, HttpStatusCode.OK, "shown only this once");
        var key = Regex.Match(grantedHtml, "id=\"license-key\">([^<]+)<").Groups[1].Value;
        Assert.NotEmpty(key);
        var licensePath = Regex.Match(grantedHtml, "href=\"(/admin/licenses/[0-9a-f-]{36})\"").Groups[1].Value;

        var (mine, mineHtml) = await GetAsync(root, $"/admin/licenses?user={holderId}&status=active");
        AssertPage(mine, mineHtml, HttpStatusCode.OK, "1 license found, page 1 of 1.");
        Assert.DoesNotContain(key, mineHtml);
        var (none, noneHtml) = await GetAsync(root, $"/admin/licenses?user={holderId}&status=suspended");
        AssertPage(none, noneHtml, HttpStatusCode.OK, "0 licenses found");
        var (badStatus, badStatusHtml) = await GetAsync(root, "/admin/licenses?status=sleeping");
        AssertPage(badStatus, badStatusHtml, HttpStatusCode.BadRequest, "status must be one of");
        Assert.Contains("id=\"status-error\"", badStatusHtml);
        var (badFilter, badFilterHtml) = await GetAsync(root, "/admin/licenses?user=nobody");
        AssertPage(badFilter, badFilterHtml, HttpStatusCode.BadRequest);
        Assert.Contains("id=\"user-error\"", badFilterHtml);
        var (pageZero, pageZeroHtml) = await GetAsync(root, "/admin/licenses?page=0");
        AssertPage(pageZero, pageZeroHtml, HttpStatusCode.BadRequest, "page must be at least 1");

        var (detail, detailHtml) = await GetAsync(root, licensePath);
        AssertPage(detail, detailHtml, HttpStatusCode.OK, "<code>api_calls</code></td><td>yes</td><td>0</td><td>100</td><td>month</td>");
        Assert.Contains("id=\"license-status\">active<", detailHtml);

        var (unconfirmed, unconfirmedHtml) = await SubmitAsync(root, licensePath, licensePath, ("status", "suspended"));
        AssertPage(unconfirmed, unconfirmedHtml, HttpStatusCode.BadRequest, "Tick the box to confirm");
        Assert.Contains("<option value=\"suspended\" selected", unconfirmedHtml);
        var (badSeats, badSeatsHtml) = await SubmitAsync(root, licensePath, licensePath, ("status", "active"), ("seats", "0"), ("confirm", "yes"));
        AssertPage(badSeats, badSeatsHtml, HttpStatusCode.BadRequest, "seats must be between");
        Assert.Contains("id=\"seats-error\"", badSeatsHtml);
        var (suspended, _) = await SubmitAsync(root, licensePath, licensePath, ("status", "suspended"), ("confirm", "yes"));
        Assert.Equal(HttpStatusCode.Redirect, suspended.StatusCode);
        Assert.Contains("id=\"license-status\">suspended<", (await GetAsync(root, licensePath)).Html);
        Assert.Contains("1 license found", WebUtility.HtmlDecode((await GetAsync(root, $"/admin/licenses?user={holderId}&status=suspended")).Html));

        var renewTo = DateTime.UtcNow.AddDays(400).ToString("yyyy-MM-dd");
        var (renewed, _) = await SubmitAsync(root, licensePath, licensePath, ("status", "active"), ("endsAt", renewTo), ("confirm", "yes"));
        Assert.Equal(HttpStatusCode.Redirect, renewed.StatusCode);
        var (after, afterHtml) = await GetAsync(root, licensePath + "?done=1");
        AssertPage(after, afterHtml, HttpStatusCode.OK, "Saved.");
        Assert.Contains("id=\"license-status\">active<", afterHtml);
        Assert.Contains($"datetime=\"{renewTo}T00:00:00Z\"", afterHtml);

        var activity = await (await root.GetAsync($"/api/admin/activity?userId={holderId}&type=license.updated")).OkAsync();
        var changes = activity.GetProperty("activities").EnumerateArray().Select(a => JsonDocument.Parse(a.Str("details")).RootElement).ToList();
        Assert.Equal(2, changes.Count);
        Assert.All(changes, d => Assert.Equal(adminId, d.GetProperty("actorId").GetGuid()));
    }
}
