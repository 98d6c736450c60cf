using System.Collections.Concurrent;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Latchkey.Core.Messaging;

/// <summary>
/// Message templates as files: <c>&lt;locale&gt;/&lt;name&gt;.subject.txt</c>, <c>.txt</c> and <c>.html</c> for email,
/// <c>.sms.txt</c> for SMS. A file in <see cref="MessagingOptions.TemplatePath"/> wins over the shipped one;
/// the locale falls back from <c>fr-ca</c> to <c>fr</c> to the default locale to English. Placeholders are
/// <c>{{name}}</c>; values are HTML-encoded in HTML templates.
/// </summary>
public sealed partial class MessageTemplates(IOptions<MessagingOptions> options)
{
    private const string ShippedLocale = "en";
    private readonly ConcurrentDictionary<string, string?> _files = new();

    public RenderedEmail RenderEmail(string name, string? locale, IReadOnlyDictionary<string, string> values) => new(
        Fill(Load(name, "subject.txt", locale), values, html: false).Trim(),
        Fill(Load(name, "txt", locale), values, html: false),
        Fill(Load(name, "html", locale), values, html: true));

    public string RenderSms(string name, string? locale, IReadOnlyDictionary<string, string> values) =>
        Fill(Load(name, "sms.txt", locale), values, html: false).Trim();

    /// <summary>The locales to try, most specific first. Only well-formed tags are used, so a header cannot name a path.</summary>
    internal IEnumerable<string> Candidates(string? locale)
    {
        if (locale is not null && LocaleTag().IsMatch(locale))
        {
            var tag = locale.ToLowerInvariant();
            yield return tag;
            if (tag.IndexOf('-') is var dash and > 0) yield return tag[..dash];
        }
        yield return options.Value.DefaultLocale;
        yield return ShippedLocale;
    }

    private string Load(string name, string extension, string? locale)
    {
        foreach (var candidate in Candidates(locale))
        {
            var text = _files.GetOrAdd($"{candidate}/{name}.{extension}", ReadFile);
            if (text is not null) return text;
        }
        throw new InvalidOperationException($"Message template {name}.{extension} is missing.");
    }

    private string? ReadFile(string relativePath)
    {
        if (options.Value.TemplatePath is { Length: > 0 } folder)
        {
            var path = Path.Combine(folder, relativePath);
            if (File.Exists(path)) return File.ReadAllText(path);
        }
        using var stream = typeof(MessageTemplates).Assembly.GetManifestResourceStream($"Latchkey.Templates/{relativePath}");
        return stream is null ? null : new StreamReader(stream).ReadToEnd();
    }

    private static string Fill(string template, IReadOnlyDictionary<string, string> values, bool html) =>
        Placeholder().Replace(template, match =>
            values.TryGetValue(match.Groups[1].Value, out var value)
                ? html ? WebUtility.HtmlEncode(value) : value
                : throw new InvalidOperationException($"Template placeholder {match.Value} has no value."));

    [GeneratedRegex(@"\{\{\s*([a-zA-Z]+)\s*\}\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex("^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8}){0,2}$")]
    private static partial Regex LocaleTag();
}

public sealed record RenderedEmail(string Subject, string Text, string Html);
