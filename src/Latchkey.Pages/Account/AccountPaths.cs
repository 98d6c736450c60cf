using Latchkey.Pages.Layout;

namespace Latchkey.Pages.Account;

/// <summary>Where the account console's pages and forms live, and its navigation.</summary>
public static class AccountPaths
{
    public const string Root = "/account";
    public const string Preferences = "/account/preferences";
    public const string Avatar = "/account/avatar";
    public const string AvatarRemove = "/account/avatar/remove";
    public const string Email = "/account/email";
    public const string Phone = "/account/phone";
    public const string PhoneSendCode = "/account/phone/send-code";
    public const string PhoneVerify = "/account/phone/verify";
    public const string Password = "/account/password";
    public const string TwoFactor = "/account/two-factor";
    public const string TwoFactorSetup = "/account/two-factor/setup";
    public const string TwoFactorConfirm = "/account/two-factor/confirm";
    public const string TwoFactorDisable = "/account/two-factor/disable";
    public const string RecoveryCodes = "/account/two-factor/recovery-codes";
    public const string Passkeys = "/account/passkeys";
    public const string PasskeyRemove = "/account/passkeys/remove";
    public const string PasskeyRename = "/account/passkeys/rename";
    public const string PasskeyAdd = "/account/passkeys/add";
    public const string PasskeyCreate = "/account/passkeys/create";
    public const string Sessions = "/account/sessions";
    public const string SessionRevoke = "/account/sessions/revoke";
    public const string SessionsRevokeOthers = "/account/sessions/revoke-others";
    public const string Connections = "/account/connections";
    public const string ConnectionLink = "/account/connections/link";
    public const string ConnectionUnlink = "/account/connections/unlink";
    public const string Apps = "/account/apps";
    public const string AppRevoke = "/account/apps/revoke";
    public const string ApiKeys = "/account/api-keys";
    public const string ApiKeyCreate = "/account/api-keys/create";
    public const string ApiKeyRevoke = "/account/api-keys/revoke";
    public const string Activity = "/account/activity";
    public const string Data = "/account/data";
    public const string Export = "/account/data/export";
    public const string Delete = "/account/data/delete";
    public const string Elevate = "/account/elevate";

    /// <summary>The console's sections, in the order of its navigation.</summary>
    public static readonly IReadOnlyList<ConsoleLink> Links =
    [
        new(Root, "Profile"), new(Email, "Email address"), new(Phone, "Phone number"), new(Password, "Password"), new(TwoFactor, "Two-factor"),
        new(Passkeys, "Passkeys"), new(Sessions, "Sessions"),
        new(Connections, "Connected services"), new(Apps, "Authorized apps"), new(ApiKeys, "API keys"), new(Activity, "Recent activity"), new(Data, "Your data"),
    ];

    /// <summary>Whether <paramref name="path"/> is one of the sections (where a step-up may send the person back to).</summary>
    public static bool IsSection(string? path) => path is not null && Links.Any(l => l.Href == path);
}
