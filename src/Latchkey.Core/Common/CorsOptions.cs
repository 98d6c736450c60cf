using System.ComponentModel.DataAnnotations;

namespace Latchkey.Core.Common;

/// <summary>
/// <c>Latchkey:Cors</c>: the browser apps on other origins that may call the Nhost and Simple APIs (and any
/// surface that opts in). Exact origins only (<c>https://app.example.com</c>, <c>http://localhost:3000</c>):
/// no wildcard, no path. Other checks that need "an origin we trust" (CSRF Origin checks) read the same list.
/// </summary>
public sealed class CorsOptions : IValidatableObject
{
    /// <summary>Exact origins allowed cross-origin (scheme, host and port as a browser sends them in <c>Origin</c>).</summary>
    public List<string> AllowedOrigins { get; set; } = [];

    /// <summary>How long (seconds) a browser may cache a preflight answer.</summary>
    [Range(0, 86400)]
    public int PreflightMaxAgeSeconds { get; set; } = 600;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var origin in AllowedOrigins)
            if (!IsExactOrigin(origin))
                yield return new ValidationResult(
                    $"Latchkey:Cors:AllowedOrigins: \"{origin}\" is not an exact origin; write scheme://host[:port] with no path and no wildcard, e.g. https://app.example.com",
                    [nameof(AllowedOrigins)]);
    }

    /// <summary>An origin as browsers serialise it: http(s), a host, an optional port, nothing else.</summary>
    public static bool IsExactOrigin(string origin) =>
        !origin.Contains('*')
        && Uri.TryCreate(origin, UriKind.Absolute, out var uri)
        && uri.Scheme is "https" or "http"
        && string.IsNullOrEmpty(uri.UserInfo)
        && uri.GetLeftPart(UriPartial.Authority).Equals(origin.TrimEnd('/'), StringComparison.OrdinalIgnoreCase);
}
