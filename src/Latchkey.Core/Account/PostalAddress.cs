using System.Text.Json;
using System.Text.Json.Serialization;

namespace Latchkey.Core.Account;

/// <summary>The OIDC address claim (OIDC Core §5.1.1): every member optional, <c>formatted</c> may span lines.</summary>
public sealed record PostalAddress(
    [property: JsonPropertyName("formatted")] string? Formatted = null,
    [property: JsonPropertyName("street_address")] string? StreetAddress = null,
    [property: JsonPropertyName("locality")] string? Locality = null,
    [property: JsonPropertyName("region")] string? Region = null,
    [property: JsonPropertyName("postal_code")] string? PostalCode = null,
    [property: JsonPropertyName("country")] string? Country = null)
{
    private static readonly JsonSerializerOptions Json = new() { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    [JsonIgnore] // a helper, not a member of the claim or of any API body
    public bool IsEmpty => new[] { Formatted, StreetAddress, Locality, Region, PostalCode, Country }.All(string.IsNullOrEmpty);

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static PostalAddress? FromJson(string? json) => json is null ? null : JsonSerializer.Deserialize<PostalAddress>(json, Json);
}
