namespace Latchkey.Core.Tokens;

/// <summary>
/// A family of tokens with its own signing key: <c>access</c> for the core's access tokens, and one per
/// surface whose tokens must differ (Nhost's Hasura tokens may be HS256 with a secret shared with Hasura,
/// or use another algorithm). Asymmetric purposes get database keys and appear in JWKS; a symmetric
/// purpose signs with <see cref="SharedSecret"/> and is never published.
/// </summary>
public sealed record SigningPurpose(string Name, string Algorithm, byte[]? SharedSecret = null)
{
    public bool IsSymmetric => SharedSecret is not null;
}
