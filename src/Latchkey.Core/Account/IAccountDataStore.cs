using Latchkey.Core.ApiKeys;
using Latchkey.Core.Audit;
using Latchkey.Core.Mfa;
using Latchkey.Core.OAuth;
using Latchkey.Core.Passkeys;
using Latchkey.Core.Sessions;
using Latchkey.Core.Social;
using Latchkey.Core.Users;
using Latchkey.Core.Verification;

namespace Latchkey.Core.Account;

/// <summary>A consent with the name of the application it was given to.</summary>
public sealed record ConsentRecord(string ClientId, string ClientName, string Scope, DateTime CreatedAt, DateTime UpdatedAt);

/// <summary>Every row Latchkey keeps about one account, read untracked for an export.</summary>
public sealed record AccountRecords(
    User User,
    AccountProfile? Profile,
    StoredAvatar? Avatar,
    IReadOnlyList<Session> Sessions,
    IReadOnlyList<ActivityEntry> Activity,
    IReadOnlyList<UserTwoFactorMethod> SecondFactors,
    IReadOnlyList<RecoveryCode> RecoveryCodes,
    IReadOnlyList<Passkey> Passkeys,
    IReadOnlyList<UserIdentity> ConnectedServices,
    IReadOnlyList<ConsentRecord> Consents,
    IReadOnlyList<ApiKey> ApiKeys,
    IReadOnlyList<OAuthClient> OAuthClients,
    IReadOnlyList<VerificationTicket> PendingVerifications,
    IReadOnlyList<Licensing.License> Licenses,
    Scim.ScimUserProfile? Directory,
    IReadOnlyList<string> Groups);

/// <summary>Port for reading all of an account's data (export) and erasing it (deletion).</summary>
public interface IAccountDataStore
{
    Task<AccountRecords?> LoadAsync(Guid userId, CancellationToken ct);

    /// <summary>
    /// Deletes the account, every row that references it (the foreign keys cascade), and its activity rows
    /// (which have no foreign key, so that an administrator's audit outlives a deleted account). Runs in the
    /// caller's transaction.
    /// </summary>
    Task<bool> EraseAsync(Guid userId, CancellationToken ct);
}
