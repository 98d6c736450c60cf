namespace Latchkey.Core.Verification;

/// <summary>What a ticket or code proves. A ticket is only ever accepted for the purpose it was issued for.</summary>
public static class TicketPurposes
{
    public const string EmailVerification = "email_verification";
    public const string PasswordReset = "password_reset";
    public const string EmailChange = "email_change";
    public const string MagicLink = "magic_link";
    public const string EmailCode = "email_code";
    public const string SmsCode = "sms_code";
    public const string PhoneVerification = "phone_verification";
}
