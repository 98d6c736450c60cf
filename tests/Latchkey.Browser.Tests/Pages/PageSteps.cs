using System.Net;
using System.Net.Http.Json;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Xunit;

namespace Latchkey.Browser.Tests.Pages;

/// <summary>The steps the emailed-flow tests share: accounts made through the API, and the hosted sign-in as a person does it.</summary>
internal static class PageSteps
{
    public const string Password = "copper-Meadow-58-silent-Orbit";

    public static string NewEmail(string flow) => $"{flow}-{Guid.NewGuid():N}@example.com";

    public static async Task<string> AccountAsync(BrowserServer server, string flow)
    {
        var email = NewEmail(flow);
        using var api = new HttpClient { BaseAddress = server.Direct };
        var registered = await api.PostAsJsonAsync("/api/auth/register", new { email, password = Password });
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        return email;
    }

    /// <summary>Opens a link from a mail: it must lead to this server's hosted page, not anywhere else.</summary>
    public static async Task OpenLinkAsync(IPage page, BrowserServer server, string link, string path)
    {
        Assert.StartsWith(server.Origin + path + "?", link, StringComparison.Ordinal);
        var response = await page.GotoAsync(link);
        Assert.Equal(200, response!.Status);
    }

    /// <summary>
    /// Submits a form by its button and waits for the navigation the click starts. A form often answers at its own
    /// URL (a POST to /sign-up renders at /sign-up), so waiting for a URL would pass at once on the old page;
    /// Playwright's obsolete-marked RunAndWaitForNavigation is the call that ties the wait to this click.
    /// </summary>
    public static async Task SubmitAsync(IPage page, ILocator button)
    {
#pragma warning disable CS0612
        await page.RunAndWaitForNavigationAsync(() => button.ClickAsync(), new() { WaitUntil = WaitUntilState.DOMContentLoaded });
#pragma warning restore CS0612
    }

    public static async Task SignInAsync(IPage page, BrowserServer server, string email, string password)
    {
        if (!page.Url.StartsWith(server.Origin + "/login", StringComparison.Ordinal)) await page.GotoAsync(server.Origin + "/login");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(password);
        await SubmitAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }));
    }

    /// <summary>The hosted "you are signed in" page names the account: the flow ended in a session of this browser.</summary>
    public static async Task AssertSignedInAsync(IPage page, BrowserServer server, string email)
    {
        if (page.Url != server.Origin + "/login?done=1") await page.GotoAsync(server.Origin + "/login?done=1");
        Assert.Equal(email, await page.Locator("#signed-in-as").InnerTextAsync());
    }

    public static async Task<string> HeadingAsync(IPage page) => await page.Locator("h1").InnerTextAsync();

    /// <summary>Runs axe-core on the page and adds each serious or critical violation, named, to <paramref name="violations"/>.</summary>
    public static async Task AxeAsync(IPage page, string name, List<string> violations)
    {
        var result = await page.RunAxe();
        Assert.NotEmpty(result.Passes); // axe really ran on the page
        foreach (var violation in result.Violations.Where(v => v.Impact is "serious" or "critical"))
            violations.Add($"{name} ({new Uri(page.Url).PathAndQuery}): {violation.Impact} {violation.Id}: {violation.Help} at "
                + string.Join(", ", violation.Nodes.Select(n => n.Html)));
    }
}
