using System.Net;
using Latchkey.Api.Tests.OAuth;
using Xunit;

namespace Latchkey.Api.Tests.Pages;

/// <summary>A browser's moves on the hosted pages, over HTTP: read a page's form, post it with the person's input.</summary>
internal static class PageForms
{
    public static async Task<(HttpResponseMessage Response, string Html)> GetAsync(HttpClient browser, string path)
    {
        var response = await browser.GetAsync(path);
        return (response, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Opens <paramref name="path"/> and posts its form (hidden fields and antiforgery token) to <paramref name="action"/>.</summary>
    public static async Task<(HttpResponseMessage Response, string Html)> SubmitAsync(HttpClient browser, string path, string action,
        params (string Name, string Value)[] input)
    {
        var (page, html) = await GetAsync(browser, path);
        Assert.True(page.IsSuccessStatusCode, $"{path}: {(int)page.StatusCode}");
        var fields = OAuthFlows.FormFields(html);
        foreach (var (name, value) in input) fields[name] = value;
        var response = await browser.PostFormAsync(action, fields);
        return (response, await response.Content.ReadAsStringAsync());
    }

    /// <summary>A hosted page's answer: HTML in the pages' layout (never JSON), with the given status.</summary>
    public static void AssertPage(HttpResponseMessage response, string html, HttpStatusCode status, string? contains = null)
    {
        Assert.True(status == response.StatusCode, $"expected {(int)status}, got {(int)response.StatusCode}: {html}");
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single());
        if (contains is not null) Assert.Contains(contains, WebUtility.HtmlDecode(html));
    }

    /// <summary>The path and query of the first link in a mail (the hosted page it opens).</summary>
    public static string PathOf(string link) => new Uri(link).PathAndQuery;
}
