using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace Latchkey.Core.OAuth;

/// <summary>
/// Proof that an authorization request sent the browser to sign in, and when. The authorize endpoint adds
/// it to the URL the sign-in page returns to; a session authenticated at or after that moment satisfies the
/// request's re-authentication demand (prompt=login, max_age, max_age=0 as prompt=login, OIDC Core
/// §3.1.2.1), so the fresh session is not sent away again, while the request itself keeps its parameters.
/// Protected with the shared Data Protection key ring, bound to the client and short-lived, so it cannot be
/// forged or carried to another client's request.
/// </summary>
public sealed class SignInRequestMarker(IDataProtectionProvider protection, TimeProvider clock)
{
    /// <summary>The authorize parameter that carries the marker back from the sign-in page.</summary>
    public const string Parameter = "latchkey_signin";
    /// <summary>How long a sign-in started by a request may take to come back and still count for it.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(15);

    private readonly IDataProtector _protector = protection.CreateProtector("Latchkey.OAuth.SignInRequested.v1");

    public string Issue(string clientId) =>
        _protector.Protect(clientId + "|" + clock.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));

    /// <summary>When the request sent the browser to sign in (whole seconds, rounded down); null when absent, forged, another client's or expired.</summary>
    public DateTime? Read(string? marker, string clientId)
    {
        if (string.IsNullOrEmpty(marker)) return null;
        string plain;
        try { plain = _protector.Unprotect(marker); }
        catch (CryptographicException) { return null; }
        var bar = plain.LastIndexOf('|');
        if (bar < 0 || plain[..bar] != clientId || !long.TryParse(plain[(bar + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
            return null;
        var at = DateTimeOffset.FromUnixTimeSeconds(seconds).UtcDateTime;
        var now = clock.GetUtcNow().UtcDateTime;
        return at <= now && now - at <= Lifetime ? at : null;
    }
}
