using System.ComponentModel.DataAnnotations;

namespace Latchkey.Core.OAuth;

/// <summary>Bound from <c>Latchkey:OAuth</c>.</summary>
public sealed class OAuthOptions
{
    /// <summary>RFC 6749 §4.1.2 recommends at most 10 minutes.</summary>
    [Range(typeof(TimeSpan), "00:00:10", "00:10:00")]
    public TimeSpan AuthorizationCodeLifetime { get; set; } = TimeSpan.FromMinutes(5);

    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan IdTokenLifetime { get; set; } = TimeSpan.FromHours(1);

    [Range(typeof(TimeSpan), "00:01:00", "00:30:00")]
    public TimeSpan DeviceCodeLifetime { get; set; } = TimeSpan.FromMinutes(10);

    [Range(1, 60)]
    public int DevicePollIntervalSeconds { get; set; } = 5;

    /// <summary>Dynamic client registration (RFC 7591): <c>off</c>, <c>open</c>, or <c>token</c> (needs <see cref="RegistrationToken"/>).</summary>
    [RegularExpression("^(off|open|token)$")]
    public string Registration { get; set; } = "off";

    /// <summary>The initial access token for <c>Registration=token</c>, sent as <c>Authorization: Bearer</c>.</summary>
    public string? RegistrationToken { get; set; }

    [Range(1, 1000)]
    public int MaxClientsPerUser { get; set; } = 10;

    /// <summary>How long a <c>private_key_jwt</c> assertion may live (its <c>exp</c> - now).</summary>
    [Range(typeof(TimeSpan), "00:00:30", "01:00:00")]
    public TimeSpan MaxClientAssertionLifetime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// After a client secret is rotated, how long the old secret keeps working, so the client's deployments
    /// can switch over without downtime. 0 ends the old secret at once.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "30.00:00:00")]
    public TimeSpan SecretRotationGracePeriod { get; set; } = TimeSpan.FromHours(24);

    /// <summary>
    /// How long a node keeps a client it read (<see cref="OAuthClientCache"/>); 0 turns the cache off.
    /// Edits on one node reach the others within this time.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:05:00")]
    public TimeSpan ClientCacheLifetime { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Extra browser origins (<c>https://app.example.com</c>, no path) allowed to call the token, userinfo and
    /// revocation endpoints cross-origin, besides the origins of active clients' redirect URIs.
    /// </summary>
    public List<string> CorsOrigins { get; set; } = [];
}
