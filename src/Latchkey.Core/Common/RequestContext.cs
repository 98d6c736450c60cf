using Microsoft.AspNetCore.Http;

namespace Latchkey.Core.Common;

/// <summary>Who is calling from where: recorded on sessions and in the activity log.</summary>
public sealed record RequestContext(string? IpAddress, string? UserAgent)
{
    public static readonly RequestContext Unknown = new(null, null);

    public static RequestContext From(HttpContext context) =>
        new(context.Connection.RemoteIpAddress?.ToString(), context.Request.Headers.UserAgent.ToString() is { Length: > 0 } ua ? ua : null);
}
