using Latchkey.Core.Common;

namespace Latchkey.Core.Admin.Impersonation;

/// <summary>What impersonation may not do, in one place.</summary>
public static class ImpersonationRules
{
    /// <summary>The answer to a sensitive action while impersonating (password, email, factors, passkeys, deletion, API keys).</summary>
    public static readonly AuthError Refused = new(AuthErrorCodes.Forbidden,
        "Not allowed while impersonating: an administrator cannot change the user's password, email, second factors, passkeys, sign-in methods or API keys, or delete the account");

    /// <summary>
    /// Accounts whose role grants any administrative permission cannot be impersonated: acting as them would
    /// lend their permissions, and their sessions are the ones worth protecting from a colleague.
    /// </summary>
    public static readonly AuthError Privileged = new(AuthErrorCodes.Forbidden, "Administrators cannot be impersonated");
}
