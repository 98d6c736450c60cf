namespace Latchkey.Core.OAuth;

/// <summary>
/// A protected API (a resource server) that access tokens can be issued for (RFC 8707): its identifier is
/// the audience (<c>aud</c>) of those tokens, and it offers its own scopes (<c>api:read</c>...), each with
/// the sentence the consent page shows.
/// </summary>
public sealed class ApiResource
{
    public Guid Id { get; set; }
    /// <summary>An absolute URI without fragment (RFC 8707 §2), e.g. <c>https://api.example.com</c>.</summary>
    public required string Identifier { get; set; }
    public required string Name { get; set; }
    public List<ApiScope> Scopes { get; set; } = [];
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    public bool Offers(string scope) => Scopes.Exists(s => s.Value == scope);
}

/// <summary>A custom scope of an API resource and its human-readable description.</summary>
public sealed record ApiScope(string Value, string Description);
