using System.ComponentModel.DataAnnotations;
using System.Text;

namespace Latchkey.Core.Tokens;

/// <summary>
/// Bound from <c>Latchkey:Nhost:Jwt</c>: the tokens of the Nhost-compatible surface, which Hasura reads.
/// RS256 by default (the Nhost spec's JWKS lists RSA keys); ES256 also publishes its keys; HS256 signs
/// with <see cref="Secret"/>, shared with Hasura (<c>HASURA_GRAPHQL_JWT_SECRET</c>) and never published.
/// </summary>
public sealed class HasuraJwtOptions : IValidatableObject
{
    public const string KeyPurpose = "nhost";
    public const int MinSecretBytes = 32;

    [RegularExpression("^(HS256|ES256|RS256)$")]
    public string Algorithm { get; set; } = "RS256";

    /// <summary>HS256 only: at least 32 bytes (UTF-8), like Hasura requires.</summary>
    public string? Secret { get; set; }

    /// <summary>Where the Hasura claims live in the payload.</summary>
    [Required, Url]
    public string ClaimsNamespace { get; set; } = "https://hasura.io/jwt/claims";

    public SigningPurpose ToPurpose() =>
        new(KeyPurpose, Algorithm, Algorithm == "HS256" ? Encoding.UTF8.GetBytes(Secret!) : null);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Algorithm == "HS256" && (Secret is null || Encoding.UTF8.GetByteCount(Secret) < MinSecretBytes))
            yield return new ValidationResult($"Latchkey:Nhost:Jwt:Secret must be at least {MinSecretBytes} bytes when the algorithm is HS256.", [nameof(Secret)]);
        if (Algorithm != "HS256" && Secret is not null)
            yield return new ValidationResult("Latchkey:Nhost:Jwt:Secret is only used with HS256; remove it or set Algorithm to HS256.", [nameof(Secret)]);
    }
}
