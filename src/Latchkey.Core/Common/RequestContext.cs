namespace Latchkey.Core.Common;

/// <summary>
/// Who is calling from where: recorded on sessions and in the activity log. <see cref="Locale"/> is the
/// caller's preferred language (Accept-Language), used to pick message templates.
/// </summary>
public sealed record RequestContext(string? IpAddress, string? UserAgent, string? Locale = null)
{
    public static readonly RequestContext Unknown = new(null, null);
}
