using System.Net;
using System.Text.RegularExpressions;
using Xunit;

namespace Latchkey.Api.Tests.Pages;

/// <summary>
/// A browser's moves on the account console over HTTP. A console page holds several forms, so a form is found by
/// its action and only its own hidden fields (antiforgery token included) are posted with the person's input.
/// </summary>
internal static partial class ConsoleForms
{
    public static async Task<(HttpResponseMessage Response, string Html)> SendFormAsync(HttpClient browser, string page, string action,
        params (string Name, string Value)[] input)
    {
        var fields = await HiddenFieldsAsync(browser, page, action);
        foreach (var (name, value) in input) fields[name] = value;
        var response = await browser.PostAsync(action, new FormUrlEncodedContent(fields));
        return (response, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Posts the form of an answer already in hand (a step that only exists as the answer to a form, such as step-up).</summary>
    public static async Task<(HttpResponseMessage Response, string Html)> SendFormFromAsync(HttpClient browser, string html, string action,
        params (string Name, string Value)[] input)
    {
        var fields = Fields(Form(html, action));
        foreach (var (name, value) in input) fields[name] = value;
        var response = await browser.PostAsync(action, new FormUrlEncodedContent(fields));
        return (response, await response.Content.ReadAsStringAsync());
    }

    /// <summary>The hidden fields of the form posting to <paramref name="action"/> on <paramref name="page"/> (the first such form).</summary>
    public static async Task<Dictionary<string, string>> HiddenFieldsAsync(HttpClient browser, string page, string action)
    {
        var response = await browser.GetAsync(page);
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{page}: {(int)response.StatusCode}");
        return Fields(Form(html, action));
    }

    private static Dictionary<string, string> Fields(string form) =>
        Hidden().Matches(form).ToDictionary(m => WebUtility.HtmlDecode(m.Groups[1].Value), m => WebUtility.HtmlDecode(m.Groups[2].Value));

    public static string Form(string html, string action)
    {
        var start = html.IndexOf($"<form method=\"post\" action=\"{action}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no form posting to {action}");
        return html[start..html.IndexOf("</form>", start, StringComparison.Ordinal)];
    }

    /// <summary>The 303 of post/redirect/get, to <paramref name="location"/>.</summary>
    public static void AssertSeeOther(HttpResponseMessage response, string location, string html = "")
    {
        Assert.True(response.StatusCode == HttpStatusCode.SeeOther, $"expected 303, got {(int)response.StatusCode}: {html}");
        Assert.Equal(location, response.Headers.Location?.OriginalString);
    }

    [GeneratedRegex("<input type=\"hidden\" name=\"([^\"]*)\" value=\"([^\"]*)\"")]
    private static partial Regex Hidden();
}
