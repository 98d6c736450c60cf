using Latchkey.Core.Common;
using Latchkey.Core.Credentials;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Latchkey.Core.Users;

/// <summary>
/// Creates the configured administrator when no account has its email yet. The password goes through
/// the same policy as everyone's: a weak bootstrap password stops the start with a clear message.
/// </summary>
public sealed class BootstrapAdmin(
    IUserStore users, RegistrationService registration, PasswordPolicy passwords, IOptions<AdminOptions> options, ILogger<BootstrapAdmin> logger)
{
    /// <summary>
    /// Checks the settings before anything is migrated or written, so a weak password stops the server with one
    /// line instead of after the database was prepared.
    /// </summary>
    public async Task ValidateAsync(CancellationToken ct)
    {
        var (email, password) = (options.Value.Email, options.Value.Password);
        if (string.IsNullOrWhiteSpace(email) && string.IsNullOrEmpty(password)) return;
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrEmpty(password))
            throw new ConfigurationException("Latchkey:Admin:Email and Latchkey:Admin:Password must be set together: set both, or neither.");
        var strength = await passwords.CheckAsync(password, [email], ct);
        // An unreachable breach service is not the setting's fault; registration below decides as for anyone.
        if (!strength.IsSuccess && strength.Error.Details?.GetValueOrDefault("rule") != PasswordPolicy.RuleBreachCheckUnavailable)
            throw new ConfigurationException($"Latchkey:Admin:Password is too weak: {strength.Error.Message} Set a stronger one (a passphrase of several words).");
    }

    /// <summary>
    /// Creates the account if it is missing. The password was checked by <see cref="ValidateAsync"/> before the
    /// database was opened; registration applies the live policy again only when it creates the account, so an
    /// existing administrator is not held to a policy tightened after it was made.
    /// </summary>
    public async Task EnsureAsync(CancellationToken ct)
    {
        var (email, password) = (options.Value.Email, options.Value.Password);
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrEmpty(password)) return;

        if (await users.EmailExistsAsync(UserNormalizer.NormalizeEmail(email), ct))
        {
            logger.LogInformation("Bootstrap admin {Email} already exists", email);
            return;
        }
        var created = await registration.RegisterAsync(
            new NewAccount(email, password, null, null, Roles.Admin, EmailVerified: true, Trusted: true), RequestContext.Unknown, ct);
        // Another node starting at the same moment may have created it between our check and our insert.
        if (created.Error?.Code == AuthErrorCodes.EmailTaken)
        {
            logger.LogInformation("Bootstrap admin {Email} was created concurrently", email);
            return;
        }
        if (!created.IsSuccess)
            throw new ConfigurationException($"Latchkey:Admin: cannot create the bootstrap admin: {created.Error.Message}");
        logger.LogInformation("Created bootstrap admin {Email}", email);
    }
}
