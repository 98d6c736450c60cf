using System.Net;
using System.Net.Sockets;
using Latchkey.Core.Common;
using Microsoft.Extensions.Options;

namespace Latchkey.Core.Webhooks;

/// <summary>
/// Checks a webhook before it is saved: an absolute https URL (http only to hosts the operator allows), whose host
/// resolves to a public address unless private networks are allowed, and known event types. The address is checked
/// again at every delivery (<see cref="WebhookHttp"/>); this early check gives the administrator a clear 400.
/// </summary>
public sealed class WebhookDraftValidator(IOptions<WebhookOptions> options)
{
    public const int MaxUrlLength = 2000;
    public const int MaxDescriptionLength = 200;

    public async Task<AuthError?> ValidateAsync(WebhookDraft draft, bool creating, CancellationToken ct)
    {
        if (creating && string.IsNullOrWhiteSpace(draft.Url)) return AuthError.Field("url", "url is required");
        if (creating && draft.Events is null) return AuthError.Field("events", "events is required");
        if (draft.Url is not null && await ValidateUrlAsync(draft.Url, ct) is { } url) return AuthError.Field("url", url);
        if (draft.Events is not null && ValidateEvents(draft.Events) is { } events) return AuthError.Field("events", events);
        if (draft.Description is { Length: > MaxDescriptionLength })
            return AuthError.Field("description", $"description must be at most {MaxDescriptionLength} characters");
        if (draft.Secret is not null && !WebhookSecrets.IsValid(draft.Secret))
            return AuthError.Field("secret", "secret must be 'whsec_' followed by the base64 of 24 to 64 random bytes (or leave it out to have one made)");
        return null;
    }

    private static string? ValidateEvents(IReadOnlyList<string> events)
    {
        if (events.Count == 0) return "events must name at least one event type, or \"*\"";
        if (events.Count > 50) return "events may name at most 50 event types";
        var unknown = events.FirstOrDefault(e => e != WebhookEventFilter.All && !WebhookEventTypes.IsKnown(e));
        return unknown is null ? null : $"Unknown event type '{unknown}'; known: {string.Join(", ", WebhookEventTypes.All)}, or \"*\"";
    }

    private async Task<string?> ValidateUrlAsync(string value, CancellationToken ct)
    {
        var settings = options.Value;
        if (value.Length > MaxUrlLength) return $"url must be at most {MaxUrlLength} characters";
        if (!Uri.TryCreate(value, UriKind.Absolute, out var url) || url.Scheme is not ("https" or "http") || url.Host.Length == 0)
            return "url must be an absolute https URL";
        if (url.UserInfo.Length > 0 || url.Fragment.Length > 0) return "url must not carry user information or a fragment";
        if (url.Scheme == "http" && !settings.AllowedHttpHosts.Contains(url.IdnHost, StringComparer.OrdinalIgnoreCase))
            return "url must use https (plain http only to hosts in Latchkey:Webhooks:AllowedHttpHosts)";
        if (settings.AllowPrivateNetworks) return null;
        IPAddress[] addresses;
        try
        {
            addresses = IPAddress.TryParse(url.IdnHost.Trim('[', ']'), out var literal) ? [literal] : await Dns.GetHostAddressesAsync(url.IdnHost, ct);
        }
        catch (SocketException)
        {
            return $"The host {url.Host} does not resolve";
        }
        return addresses.Length > 0 && addresses.All(WebhookAddressPolicy.IsPublic)
            ? null
            : "url must reach a public address (private, loopback and link-local addresses are refused)";
    }
}
