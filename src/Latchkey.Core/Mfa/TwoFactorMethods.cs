namespace Latchkey.Core.Mfa;

/// <summary>The second factors a user can enable, plus the recovery codes that stand in for them.</summary>
public static class TwoFactorMethods
{
    public const string Totp = "totp";
    public const string Email = "email";
    public const string Sms = "sms";
    /// <summary>Accepted wherever a code is verified; never a method one "enables".</summary>
    public const string Recovery = "recovery";

    public static readonly IReadOnlyList<string> Enableable = [Totp, Email, Sms];

    /// <summary>Methods whose codes the server sends (and so must be asked for with send-code).</summary>
    public static bool IsDelivered(string? method) => method is Email or Sms;
}
