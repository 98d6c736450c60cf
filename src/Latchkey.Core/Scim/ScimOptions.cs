namespace Latchkey.Core.Scim;

/// <summary>Bound from <c>Latchkey:Scim</c>.</summary>
public sealed class ScimOptions
{
    /// <summary>What <c>DELETE /Users/{id}</c> does: <c>delete</c> the account (default) or <c>deactivate</c> it (disable, keep the data).</summary>
    public string DeleteMode { get; set; } = ScimDeleteModes.Delete;

    /// <summary>The largest page a list or search returns (<c>filter.maxResults</c> in ServiceProviderConfig).</summary>
    public int MaxResults { get; set; } = 200;

    /// <summary>
    /// An unfiltered user list (what an identity provider's import pages through) reports <c>totalResults</c> counted
    /// exactly while there are at most this many accounts; above it, a count at most <see cref="TotalMaxAge"/> old on
    /// this node (a million accounts take a few hundred milliseconds of the database to count, on every page).
    /// </summary>
    public int ExactTotalUpTo { get; set; } = 10_000;

    /// <summary>How old the reused count of an unfiltered list may be (see <see cref="ExactTotalUpTo"/>).</summary>
    public TimeSpan TotalMaxAge { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The most operations one <c>POST /Bulk</c> may hold (<c>bulk.maxOperations</c>); more is answered 413.</summary>
    public int MaxBulkOperations { get; set; } = 1000;

    /// <summary>The largest <c>POST /Bulk</c> body in bytes (<c>bulk.maxPayloadSize</c>); a larger one is refused 413 before it is read.</summary>
    public int MaxBulkPayloadSize { get; set; } = 1024 * 1024;
}

public static class ScimDeleteModes
{
    public const string Delete = "delete";
    public const string Deactivate = "deactivate";
}

/// <summary>Activity rows of SCIM changes (the webhook events follow them); details name the OAuth client as actor.</summary>
public static class ScimActivityTypes
{
    public const string UserCreated = "scim.user.created";
    public const string UserUpdated = "scim.user.updated";
    public const string UserDeactivated = "scim.user.deactivated";
    public const string UserReactivated = "scim.user.reactivated";
    public const string UserDeleted = "scim.user.deleted";
    public const string GroupCreated = "scim.group.created";
    public const string GroupUpdated = "scim.group.updated";
    public const string GroupDeleted = "scim.group.deleted";
    public const string TokenCreated = "scim.token.created";
    public const string TokenRevoked = "scim.token.revoked";
}
