namespace Latchkey.Core.OAuth;

/// <summary>
/// Which URIs a client may register. Redirect URIs are compared byte for byte later (RFC 9700 §4.1.3),
/// so here they only need to be safe: absolute, no fragment, and https — except loopback http and
/// private-use schemes for native apps (RFC 8252 §7).
/// </summary>
public static class ClientUris
{
    public const int MaxLength = 2000;
    public const int MaxCount = 10;

    public static bool IsValidRedirect(string? value)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Length > MaxLength || value.Any(char.IsWhiteSpace)) return false;
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || value.Contains('#')) return false;
        if (uri.Scheme == Uri.UriSchemeHttps) return true;
        if (uri.Scheme == Uri.UriSchemeHttp) return uri.IsLoopback;
        // Private-use schemes are reverse domain names (com.example.app:/callback).
        return uri.Scheme.Contains('.') && uri.Scheme is not ("javascript" or "data" or "vbscript" or "file");
    }

    /// <summary>A web address shown to users or called by the server (client_uri, logo_uri, back-channel logout).</summary>
    public static bool IsValidWeb(string? value) =>
        value is { Length: <= MaxLength } && Uri.TryCreate(value, UriKind.Absolute, out var uri) && !value.Contains('#')
        && (uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback));
}
