using Latchkey.Api.Tests.OAuth;

namespace Latchkey.Api.Tests.Account;

/// <summary>
/// A server for the self-service tests: a bootstrap administrator (OAuth clients, the last-admin rule), guests
/// allowed (an account without a password), two languages, and a small avatar file limit for the oversize case.
/// </summary>
public class AccountServer : OAuthServer
{
    public const int AvatarMaxBytes = 256 * 1024;

    protected override void Configure(IDictionary<string, string?> settings)
    {
        base.Configure(settings);
        settings["Latchkey:Users:AnonymousSignInEnabled"] = "true";
        settings["Latchkey:Users:AllowedLocales:0"] = "en";
        settings["Latchkey:Users:AllowedLocales:1"] = "fr";
        // So a password change revokes keys and sends the notice a preference can switch off.
        settings["Latchkey:ApiKeys:RevokeOnPasswordChange"] = "true";
        settings["Latchkey:Avatars:MaxBytes"] = AvatarMaxBytes.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
