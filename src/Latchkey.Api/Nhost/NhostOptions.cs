using System.ComponentModel.DataAnnotations;

namespace Latchkey.Api.Nhost;

/// <summary>Bound from <c>Latchkey:Nhost</c> (the token settings are <c>Latchkey:Nhost:Jwt</c>, read by the core).</summary>
public sealed class NhostOptions
{
    /// <summary>Answer <c>400 invalid-request</c> wherever the spec's specific error would reveal an account.</summary>
    public bool ConcealErrors { get; set; }

    /// <summary>
    /// Nhost's <c>AUTH_REQUIRE_ELEVATED_CLAIM</c>: whether the spec's BearerAuthElevated operations need a token
    /// from <c>/elevate/webauthn/verify</c>. "recommended": only for users with a security key; "required":
    /// for everyone; "disabled": never (the core's own step-up still applies in every mode).
    /// </summary>
    [RegularExpression("^(disabled|recommended|required)$")]
    public string ElevatedClaim { get; set; } = ElevatedClaimModes.Recommended;
}

public static class ElevatedClaimModes
{
    public const string Disabled = "disabled";
    public const string Recommended = "recommended";
    public const string Required = "required";
}
