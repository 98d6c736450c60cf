namespace Latchkey.Core.ApiKeys;

/// <summary>Bound from <c>Latchkey:ApiKeys</c>: what a new password does to the account's API keys and personal access tokens.</summary>
public sealed class ApiKeyOptions
{
    /// <summary>
    /// A reset through "forgot password" means someone may have had the old password, and could have minted keys
    /// with it: the keys go with the sessions. On by default.
    /// </summary>
    public bool RevokeOnPasswordReset { get; set; } = true;

    /// <summary>
    /// A change by the signed-in user (who proved the current password or a recent sign-in) is routine upkeep;
    /// the keys running the user's integrations stay. Off by default.
    /// </summary>
    public bool RevokeOnPasswordChange { get; set; }
}
