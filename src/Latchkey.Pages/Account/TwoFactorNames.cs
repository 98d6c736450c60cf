using Latchkey.Core.Mfa;

namespace Latchkey.Pages.Account;

/// <summary>The second factors in a person's words.</summary>
internal static class TwoFactorNames
{
    public static string Of(string method) => method switch
    {
        TwoFactorMethods.Totp => "Authenticator app",
        TwoFactorMethods.Email => "Codes by email",
        TwoFactorMethods.Sms => "Codes by text message",
        _ => method,
    };
}
