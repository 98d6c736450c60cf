namespace Latchkey.Core.Scim;

/// <summary>
/// A bearer token an identity provider uses to reach <c>/api/scim/v2</c> on behalf of one OAuth client. Only its
/// SHA-256 is stored; the token is shown once. It authenticates nowhere else: the other surfaces do not know
/// its <c>scim_</c> form. Deleting the row revokes it.
/// </summary>
public sealed class ScimToken
{
    public Guid Id { get; set; }
    public Guid ClientRowId { get; set; }
    public required string Name { get; set; }
    public required byte[] SecretHash { get; set; }
    public required string Prefix { get; set; }
    public DateTime CreatedAt { get; set; }
    public Guid? CreatedBy { get; set; }
    public DateTime? LastUsedAt { get; set; }
}

/// <summary>The provisioning client a SCIM request acts for: recorded as the actor of every change.</summary>
public sealed record ScimActor(Guid TokenId, Guid ClientRowId, string ClientId, Common.RequestContext Context);
