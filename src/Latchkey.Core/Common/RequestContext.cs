namespace Latchkey.Core.Common;

/// <summary>Who is calling from where: recorded on sessions and in the activity log.</summary>
public sealed record RequestContext(string? IpAddress, string? UserAgent)
{
    public static readonly RequestContext Unknown = new(null, null);
}
