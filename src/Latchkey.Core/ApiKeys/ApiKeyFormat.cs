using Latchkey.Core.Common;

namespace Latchkey.Core.ApiKeys;

/// <summary>The wire forms of keys: <c>sk_live_</c> + 40 alphanumerics (~238 bits), and <c>key_</c> + the row id.</summary>
public static class ApiKeyFormat
{
    public const string SecretPrefix = "sk_live_";
    public const string IdPrefix = "key_";
    private const int SecretLength = 40;

    public static string NewSecret() => SecretPrefix + RandomSecrets.Alphanumeric(SecretLength);

    public static bool LooksLikeSecret(string? value) =>
        value is { Length: 48 } && value.StartsWith(SecretPrefix, StringComparison.Ordinal);

    public static string PublicId(Guid id) => IdPrefix + id.ToString("N");

    public static bool TryParsePublicId(string? value, out Guid id)
    {
        id = Guid.Empty;
        return value is not null && value.StartsWith(IdPrefix, StringComparison.Ordinal)
            && Guid.TryParseExact(value.AsSpan(IdPrefix.Length), "N", out id);
    }
}
