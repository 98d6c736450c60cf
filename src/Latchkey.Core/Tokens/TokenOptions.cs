using System.ComponentModel.DataAnnotations;

namespace Latchkey.Core.Tokens;

/// <summary>Bound from <c>Latchkey:Tokens</c>.</summary>
public sealed class TokenOptions
{
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>ES256 (default) or RS256 for access tokens.</summary>
    [RegularExpression("^(ES256|RS256)$")]
    public string AccessTokenAlgorithm { get; set; } = "ES256";

    /// <summary>How often a node re-reads the key table, so a rotation on one node reaches all.</summary>
    [Range(typeof(TimeSpan), "00:00:05", "1.00:00:00")]
    public TimeSpan KeyRefreshInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Allowed clock difference when validating tokens from other nodes.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:05:00")]
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromSeconds(30);
}
