using Latchkey.Core.Webhooks;
using Microsoft.AspNetCore.Http;

namespace Latchkey.Pages.Admin;

/// <summary>A webhook as its console form holds it: what is shown, and what was typed when a change is refused.</summary>
public sealed record WebhookForm(string? Url, string? Description, IReadOnlyList<string> Events, bool Active)
{
    public static readonly WebhookForm Empty = new(null, null, [], true);

    public static WebhookForm Of(WebhookView w) => new(w.Url, w.Description, w.Events, w.Active);

    public static WebhookForm From(IFormCollection form) => new(
        AdminQuery.Value(form["url"]), AdminQuery.Value(form["description"]),
        form["events"].Where(e => !string.IsNullOrEmpty(e)).Select(e => e!).ToList(), form["active"] == "true");

    /// <summary>
    /// The draft the service validates. No event ticked is sent as an empty list (refused by the events field);
    /// on a change an emptied description clears it (the service keeps a null one).
    /// </summary>
    public WebhookDraft Draft(bool creating) => new(Url ?? "", Events, Active, creating ? Description : Description ?? "", null);
}
