using Microsoft.AspNetCore.Http;

namespace Latchkey.Core.Common;

/// <summary>
/// Who is calling from where: recorded on sessions and in the activity log. <see cref="Locale"/> is the
/// caller's preferred language (Accept-Language), used to pick message templates.
/// </summary>
public sealed record RequestContext(string? IpAddress, string? UserAgent, string? Locale = null)
{
    public static readonly RequestContext Unknown = new(null, null);

    /// <summary>
    /// How the calling surface wants emailed ticket links built; null is the core's own form
    /// (<c>page?token=…&amp;type=…</c>). A surface whose clients expect another form (Nhost's <c>/verify?ticket=…</c>) sets it.
    /// </summary>
    public Verification.ITicketLinkFormat? LinkFormat { get; init; }

    /// <summary>The administrator acting for the user of this request (impersonation); written to activity rows as actor_id.</summary>
    public Guid? ActorId { get; init; }

    public static RequestContext From(HttpContext context) =>
        new(context.Connection.RemoteIpAddress?.ToString(), context.Request.Headers.UserAgent.ToString() is { Length: > 0 } ua ? ua : null,
            PreferredLanguage(context.Request))
        {
            ActorId = context.Features.Get<ActingAdministrator>()?.UserId,
        };

    /// <summary>The Accept-Language tag with the highest quality (the template loader accepts only well-formed tags).</summary>
    private static string? PreferredLanguage(HttpRequest request)
    {
        if (request.Headers.AcceptLanguage.Count == 0) return null;
        var languages = request.GetTypedHeaders().AcceptLanguage;
        return languages.OrderByDescending(l => l.Quality ?? 1).FirstOrDefault(l => l.Value != "*")?.Value.Value;
    }
}
