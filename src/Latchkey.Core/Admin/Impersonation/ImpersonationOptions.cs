using System.ComponentModel.DataAnnotations;

namespace Latchkey.Core.Admin.Impersonation;

/// <summary>Bound from <c>Latchkey:Impersonation</c>.</summary>
public sealed class ImpersonationOptions
{
    /// <summary>How long an impersonation lasts; it is not extended by use.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "08:00:00")]
    public TimeSpan Duration { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>The cookie that holds the impersonation session, beside the administrator's own session cookie.</summary>
    [Required, RegularExpression("^[A-Za-z0-9_-]{1,64}$")]
    public string CookieName { get; set; } = "auth_impersonation";
}
