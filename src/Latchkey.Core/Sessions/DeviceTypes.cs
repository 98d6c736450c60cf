namespace Latchkey.Core.Sessions;

/// <summary>A coarse device class from the User-Agent, for the session list; never used for security decisions.</summary>
public static class DeviceTypes
{
    public static string FromUserAgent(string? userAgent)
    {
        if (string.IsNullOrWhiteSpace(userAgent)) return "unknown";
        var ua = userAgent.AsSpan();
        if (ua.Contains("iPad", StringComparison.OrdinalIgnoreCase) || ua.Contains("Tablet", StringComparison.OrdinalIgnoreCase))
            return "tablet";
        if (ua.Contains("Mobi", StringComparison.OrdinalIgnoreCase) || ua.Contains("Android", StringComparison.OrdinalIgnoreCase)
            || ua.Contains("iPhone", StringComparison.OrdinalIgnoreCase))
            return "mobile";
        if (ua.Contains("Mozilla", StringComparison.OrdinalIgnoreCase)) return "desktop";
        return "api";
    }
}
