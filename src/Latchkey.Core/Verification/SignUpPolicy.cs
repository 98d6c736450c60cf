using Latchkey.Core.Common;
using Microsoft.Extensions.Options;

namespace Latchkey.Core.Verification;

/// <summary>Whether a new account may be created for an address: sign-up open, and the domain allowed.</summary>
public sealed class SignUpPolicy(IOptions<SignUpOptions> options)
{
    public bool RequireEmailVerification => options.Value.RequireEmailVerification;

    /// <summary>Whether self-service sign-up is open at all (the hosted pages offer "create an account" only then).</summary>
    public bool IsOpen => options.Value.Enabled;

    public AuthError? Check(string email)
    {
        var settings = options.Value;
        if (!settings.Enabled) return new AuthError(AuthErrorCodes.SignUpNotAllowed, "Sign-up is closed");
        if (!IsDomainAllowed(email)) return new AuthError(AuthErrorCodes.SignUpNotAllowed, "Sign-up is not open to this email domain");
        return null;
    }

    public bool Allows(string email) => Check(email) is null;

    private bool IsDomainAllowed(string email)
    {
        var allowed = options.Value.AllowedEmailDomains;
        if (allowed.Count == 0) return true;
        var domain = email[(email.LastIndexOf('@') + 1)..].Trim().TrimEnd('.');
        return allowed.Any(entry =>
        {
            var d = entry.Trim().TrimStart('@').TrimEnd('.');
            return domain.Equals(d, StringComparison.OrdinalIgnoreCase)
                || domain.EndsWith("." + d, StringComparison.OrdinalIgnoreCase);
        });
    }
}
