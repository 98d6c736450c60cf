namespace Latchkey.Core.Mfa;

/// <summary>The second factors a user can enable, plus the recovery codes that stand in for them.</summary>
public static class TwoFactorMethods
{
    public const string Totp = "totp";
    public const string Email = "email";
    public const string Sms = "sms";
    /// <summary>Accepted wherever a code is verified; never a method one "enables".</summary>
    public const string Recovery = "recovery";

    /// <summary>Methods this server can enable today.</summary>
    public static readonly IReadOnlyList<string> Enableable = [Totp];

    /// <summary>The documented methods, including those this build cannot deliver codes for.</summary>
    public static readonly IReadOnlyList<string> Documented = [Totp, Email, Sms];
}
