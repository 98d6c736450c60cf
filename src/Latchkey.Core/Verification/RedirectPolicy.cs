using Latchkey.Core.Common;
using Microsoft.Extensions.Options;

namespace Latchkey.Core.Verification;

/// <summary>
/// Decides where a link may lead. Only absolute http(s) URLs without user info are considered; they must
/// equal an allow-listed URL exactly, or share the origin (scheme, host, port) of an allow-listed origin or
/// of the server itself. Anything else is refused: an open redirect would hand tickets to an attacker.
/// </summary>
public sealed class RedirectPolicy(IOptions<SignUpOptions> signUp, IOptions<LatchkeyOptions> latchkey)
{
    public const int MaxLength = 2048;

    /// <summary>The URL a link opens: <paramref name="redirectTo"/> if allowed, else the server's <paramref name="defaultPath"/>.</summary>
    public Result<string> Resolve(string? redirectTo, string defaultPath)
    {
        if (string.IsNullOrWhiteSpace(redirectTo)) return $"{ServerOrigin}{defaultPath}";
        return IsAllowed(redirectTo)
            ? redirectTo
            : new AuthError(AuthErrorCodes.RedirectNotAllowed, "redirectTo is not an allowed redirect URL");
    }

    public bool IsAllowed(string candidate)
    {
        if (candidate.Length > MaxLength || !UrlCharacters.AreSafe(candidate)) return false;
        if (!TryParse(candidate, out var url)) return false;
        if (SameOrigin(url, new Uri(ServerOrigin))) return true;
        foreach (var entry in signUp.Value.AllowedRedirectUrls)
        {
            if (!TryParse(entry, out var allowed)) continue;
            if (IsOriginEntry(entry, allowed) ? SameOrigin(url, allowed) : Canonical(url) == Canonical(allowed)) return true;
        }
        return false;
    }

    private string ServerOrigin => new Uri(latchkey.Value.PublicUrl ?? "http://localhost").GetLeftPart(UriPartial.Authority);

    private static bool TryParse(string value, out Uri url) =>
        Uri.TryCreate(value, UriKind.Absolute, out url!)
        && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp)
        && string.IsNullOrEmpty(url.UserInfo)
        && !string.IsNullOrEmpty(url.Host);

    private static bool SameOrigin(Uri a, Uri b) =>
        a.Scheme == b.Scheme && string.Equals(a.IdnHost, b.IdnHost, StringComparison.OrdinalIgnoreCase) && a.Port == b.Port;

    /// <summary>An entry with no path (<c>https://app.example.com</c> or with a trailing slash) allows its whole origin.</summary>
    private static bool IsOriginEntry(string entry, Uri allowed) =>
        string.Equals(entry.Trim().TrimEnd('/'), allowed.GetLeftPart(UriPartial.Authority), StringComparison.OrdinalIgnoreCase);

    // Scheme and host are case-insensitive; path and query are compared exactly. The fragment never reaches a server.
    private static string Canonical(Uri url) =>
        $"{url.Scheme}://{url.IdnHost.ToLowerInvariant()}:{url.Port}{url.GetComponents(UriComponents.PathAndQuery, UriFormat.UriEscaped)}";
}
