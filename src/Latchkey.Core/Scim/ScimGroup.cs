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
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

/// <summary>One account in one group.</summary>
public sealed class ScimGroupMember
{
    public Guid GroupId { get; set; }
    public Guid UserId { get; set; }
}
