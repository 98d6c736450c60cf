namespace Latchkey.Core.Scim;

/// <summary>A group an identity provider pushes; members are accounts (no nested groups).</summary>
public sealed class ScimGroup
{
    public const int MaxDisplayNameLength = 256;

    public Guid Id { get; set; }
    public required string DisplayName { get; set; }
    /// <summary>Upper-invariant display name: unique, so a client's "create if absent" finds the existing group.</summary>
    public required string NormalizedDisplayName { get; set; }
    public string? ExternalId { get; set; }
    /// <summary>
    /// Latchkey roles every member holds (<see cref="GroupRoles"/> form). Set by an administrator, never by SCIM: the
    /// identity provider decides who is in the group, Latchkey's administrators decide what the group may do.
    /// </summary>
    public string? Roles { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

/// <summary>One account in one group.</summary>
public sealed class ScimGroupMember
{
    public Guid GroupId { get; set; }
    public Guid UserId { get; set; }
}
