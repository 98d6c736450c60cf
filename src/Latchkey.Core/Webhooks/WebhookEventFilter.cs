namespace Latchkey.Core.Webhooks;

/// <summary>The stored form of a subscription's event list and the one rule that matches an event against it.</summary>
public static class WebhookEventFilter
{
    public const string All = "*";

    public static string Format(IEnumerable<string> events)
    {
        var distinct = events.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        return distinct.Contains(All) ? " * " : " " + string.Join(' ', distinct) + " ";
    }

    public static bool Matches(string stored, string eventType) =>
        stored == " * " || stored.Contains(" " + eventType + " ", StringComparison.Ordinal);
}
