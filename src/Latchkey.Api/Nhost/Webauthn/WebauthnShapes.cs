using System.Buffers.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Latchkey.Core.Passkeys;

namespace Latchkey.Api.Nhost.Webauthn;

/// <summary>
/// Between the core's WebAuthn JSON and the spec's: options keep only the members the spec's
/// PublicKeyCredentialCreationOptions / RequestOptions declare (both are closed schemas), and a
/// credential names its ceremony by the challenge signed inside its <c>clientDataJSON</c>.
/// </summary>
public static class WebauthnShapes
{
    private static readonly string[] CreationMembers =
        ["rp", "user", "challenge", "pubKeyCredParams", "timeout", "excludeCredentials", "authenticatorSelection", "hints", "attestation", "attestationFormats", "extensions"];

    private static readonly string[] RequestMembers = ["challenge", "timeout", "rpId", "allowCredentials", "userVerification", "hints", "extensions"];

    private const int MaxClientDataChars = 4096;

    public static JsonObject CreationOptions(PasskeyCeremony ceremony) => Keep(ceremony.Options, CreationMembers);

    public static JsonObject RequestOptions(PasskeyCeremony ceremony) => Keep(ceremony.Options, RequestMembers);

    /// <summary>The credential as the core takes it: its JSON and the challenge it answers (null when unreadable: the ceremony is then unknown).</summary>
    public static PasskeyResponse Response(JsonElement credential) => new(ChallengeOf(credential), credential.GetRawText());

    private static JsonObject Keep(JsonNode options, string[] members)
    {
        var kept = new JsonObject();
        foreach (var name in members)
            if (options[name] is { } value) kept[name] = value.DeepClone();
        return kept;
    }

    private static string? ChallengeOf(JsonElement credential)
    {
        if (credential.ValueKind != JsonValueKind.Object
            || !credential.TryGetProperty("response", out var response) || response.ValueKind != JsonValueKind.Object
            || !response.TryGetProperty("clientDataJSON", out var encoded) || encoded.ValueKind != JsonValueKind.String
            || encoded.GetString() is not { Length: > 0 and <= MaxClientDataChars } text || !Base64Url.IsValid(text))
            return null;
        try
        {
            using var clientData = JsonDocument.Parse(Base64Url.DecodeFromChars(text));
            return clientData.RootElement.ValueKind == JsonValueKind.Object
                && clientData.RootElement.TryGetProperty("challenge", out var challenge) && challenge.ValueKind == JsonValueKind.String
                ? challenge.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
