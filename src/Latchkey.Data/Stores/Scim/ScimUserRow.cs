using Latchkey.Core.Scim;
using Latchkey.Core.Users;

namespace Latchkey.Data.Stores.Scim;

/// <summary>An account left-joined to its SCIM profile: what user filters and sorts read.</summary>
internal sealed class ScimUserRow
{
    public required User User { get; init; }
    public ScimUserProfile? Profile { get; init; }
}
