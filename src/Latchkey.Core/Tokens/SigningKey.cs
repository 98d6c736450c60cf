namespace Latchkey.Core.Tokens;

/// <summary>
/// A JWT signing key. The private part is stored encrypted with ASP.NET Data Protection; the public
/// part stays in JWKS until every token it signed has expired (<see cref="PublishUntil"/>).
/// </summary>
public sealed class SigningKey
{
    public required string Id { get; set; }
    /// <summary>ES256 or RS256.</summary>
    public required string Algorithm { get; set; }
    /// <summary>What the key signs: "access" tokens (and later "id" tokens).</summary>
    public required string Purpose { get; set; }
    public required string ProtectedPrivateKey { get; set; }
    public DateTime CreatedAt { get; set; }
    /// <summary>When it stopped signing (a newer key took over); null while current.</summary>
    public DateTime? RetiredAt { get; set; }
    public DateTime? PublishUntil { get; set; }
}
