namespace Latchkey.Core.OAuth;

/// <summary>
/// A registered OAuth 2.0 / OpenID Connect client (RFC 7591 metadata). Confidential clients keep only
/// the SHA-256 of their secret; public clients (<c>none</c>) have no secret and must use PKCE.
/// </summary>
public sealed class OAuthClient
{
    public Guid Id { get; set; }
    /// <summary>The public identifier clients send as <c>client_id</c>.</summary>
    public required string ClientId { get; set; }
    public byte[]? SecretHash { get; set; }
    /// <summary>The secret replaced by the last rotation, still accepted until <see cref="PreviousSecretExpiresAt"/>.</summary>
    public byte[]? PreviousSecretHash { get; set; }
    public DateTime? PreviousSecretExpiresAt { get; set; }
    public required string Name { get; set; }
    public List<string> RedirectUris { get; set; } = [];
    public List<string> PostLogoutRedirectUris { get; set; } = [];
    public List<string> GrantTypes { get; set; } = [];
    /// <summary>The scopes this client may ask for.</summary>
    public List<string> Scopes { get; set; } = [];
    public required string TokenEndpointAuthMethod { get; set; }
    /// <summary>The client's public keys (a JWK Set, JSON) for <c>private_key_jwt</c>.</summary>
    public string? Jwks { get; set; }
    public string? BackchannelLogoutUri { get; set; }
    /// <summary><c>id_token_signed_response_alg</c>: RS256 (default) or ES256.</summary>
    public string IdTokenSignedResponseAlg { get; set; } = IdTokenAlgorithms.RS256;
    public string? ClientUri { get; set; }
    public string? LogoUri { get; set; }
    /// <summary>First-party clients are trusted: the user is never asked for consent.</summary>
    public bool FirstParty { get; set; }
    public bool Active { get; set; } = true;
    /// <summary>The developer who created it in the console; null for admin-made and dynamically registered clients.</summary>
    public Guid? OwnerUserId { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    public bool IsPublic => TokenEndpointAuthMethod == ClientAuthMethods.None;

    public bool Allows(string grantType) => GrantTypes.Contains(grantType);
}
