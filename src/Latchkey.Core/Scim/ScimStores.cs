using Latchkey.Core.Account;
using Latchkey.Core.Users;

namespace Latchkey.Core.Scim;

/// <summary>
/// An account with its SCIM-owned attributes (absent for accounts made elsewhere) and its account profile, which holds
/// the SCIM <c>title</c> and <c>timezone</c> (absent until something writes one).
/// </summary>
public sealed record ScimUserRecord(User User, ScimUserProfile? Profile, AccountProfile? Account);

/// <summary>A listed account and its groups, as (group id, display name) in name order.</summary>
public sealed record ScimUserListed(ScimUserRecord Record, IReadOnlyList<(Guid Id, string DisplayName)> Groups);

/// <summary>One page of a query and the count of everything that matched.</summary>
public sealed record ScimPage<T>(int TotalResults, IReadOnlyList<T> Resources);

/// <summary>
/// A filtered, sorted page request (startIndex is 1-based, as SCIM counts). With <paramref name="SkipCount"/> a page
/// that does not settle the total answers <see cref="ScimPage{T}.TotalResults"/> -1, for the caller to supply it.
/// </summary>
public sealed record ScimQuery<TField>(ScimCondition<TField>? Filter, TField? SortBy, bool Descending, int StartIndex, int Count, bool SkipCount = false)
    where TField : struct, Enum;

public interface IScimUserStore
{
    /// <summary>
    /// A page of accounts with their groups, in one read, and the count of all matches (read only when the page does
    /// not settle it: a page that is not full and not past the end ends the list).
    /// </summary>
    Task<ScimPage<ScimUserListed>> QueryAsync(ScimQuery<ScimUserField> query, CancellationToken ct);
    /// <summary>Every account SCIM lists (all but anonymous guests): an index-only count.</summary>
    Task<int> CountAllAsync(CancellationToken ct);
    /// <summary>The tracked account and profile (profile null when it has none yet).</summary>
    Task<ScimUserRecord?> FindAsync(Guid userId, CancellationToken ct);
    /// <summary>Another account holding <paramref name="externalId"/>, if any.</summary>
    Task<bool> ExternalIdTakenAsync(string externalId, Guid? exceptUserId, CancellationToken ct);
    void AddProfile(ScimUserProfile profile);
    /// <summary>The groups of each account, as (group id, display name), in one read.</summary>
    Task<ILookup<Guid, (Guid Id, string DisplayName)>> GroupsOfAsync(IReadOnlyCollection<Guid> userIds, CancellationToken ct);
}

public interface IScimGroupStore
{
    Task<ScimPage<ScimGroup>> QueryAsync(ScimQuery<ScimGroupField> query, CancellationToken ct);
    Task<ScimGroup?> FindAsync(Guid id, CancellationToken ct);
    Task<bool> DisplayNameTakenAsync(string normalizedDisplayName, Guid? exceptGroupId, CancellationToken ct);
    /// <summary>Members of each group as (user id, display text), in one read.</summary>
    Task<ILookup<Guid, (Guid UserId, string Display)>> MembersOfAsync(IReadOnlyCollection<Guid> groupIds, CancellationToken ct);
    /// <summary>Which of <paramref name="userIds"/> are existing accounts.</summary>
    Task<IReadOnlyList<Guid>> ExistingUsersAsync(IReadOnlyCollection<Guid> userIds, CancellationToken ct);
    void Add(ScimGroup group);
    void Remove(ScimGroup group);
    void AddMembers(Guid groupId, IEnumerable<Guid> userIds);
    Task RemoveMembersAsync(Guid groupId, IReadOnlyCollection<Guid> userIds, CancellationToken ct);
    /// <summary>
    /// Rewrites <see cref="Users.User.GroupRoles"/> of <paramref name="userIds"/> from the saved groups (two reads and one
    /// update per distinct result); returns the accounts whose group roles lost a role.
    /// </summary>
    Task<IReadOnlyList<Guid>> RefreshGroupRolesAsync(IReadOnlyCollection<Guid> userIds, CancellationToken ct);
    /// <summary>A page of groups by display name with their member counts, and the number of groups (admin API).</summary>
    Task<(IReadOnlyList<(ScimGroup Group, int Members)> Items, int Total)> ListWithMemberCountsAsync(int skip, int take, CancellationToken ct);
}

public interface IScimTokenStore
{
    void Add(ScimToken token);
    void Remove(ScimToken token);
    Task<IReadOnlyList<ScimToken>> ListForClientAsync(Guid clientRowId, CancellationToken ct);
    Task<ScimToken?> FindForClientAsync(Guid clientRowId, Guid tokenId, CancellationToken ct);
    Task<int> CountForClientAsync(Guid clientRowId, CancellationToken ct);
    /// <summary>The token and its client in one read, for authenticating a request; null unless the client is active.</summary>
    Task<ScimTokenLookup?> FindBySecretHashAsync(byte[] secretHash, CancellationToken ct);
    Task TouchAsync(Guid tokenId, DateTime now, CancellationToken ct);
}

public sealed record ScimTokenLookup(Guid TokenId, Guid ClientRowId, string ClientId, DateTime? LastUsedAt);
