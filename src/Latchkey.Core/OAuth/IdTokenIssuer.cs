using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Latchkey.Core.Common;
using Latchkey.Core.Tokens;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Latchkey.Core.OAuth;

/// <summary>Signs OpenID Connect id tokens (OIDC Core §2) with the id key of the client's algorithm (RS256 or ES256).</summary>
public sealed class IdTokenIssuer(SigningKeyRing keys, IOptions<OAuthOptions> options, IOptions<LatchkeyOptions> latchkey, TimeProvider clock)
{
    private readonly JsonWebTokenHandler _handler = new() { SetDefaultTimesOnTokenCreation = false };

    public string Issue(IdTokenContent content, string algorithm = IdTokenAlgorithms.RS256)
    {
        var now = clock.GetUtcNow();
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("iss", latchkey.Value.PublicUrl);
            json.WriteString("sub", content.Subject);
            json.WriteString("aud", content.ClientId);
            json.WriteString("azp", content.ClientId);
            json.WriteNumber("iat", now.ToUnixTimeSeconds());
            json.WriteNumber("exp", (now + options.Value.IdTokenLifetime).ToUnixTimeSeconds());
            json.WriteNumber("auth_time", new DateTimeOffset(content.AuthTime, TimeSpan.Zero).ToUnixTimeSeconds());
            if (content.Nonce is not null) json.WriteString("nonce", content.Nonce);
            if (content.BrowserSessionId is { } sid) json.WriteString("sid", sid);
            if (content.AccessToken is not null) json.WriteString("at_hash", AtHash(content.AccessToken));
            foreach (var (name, value) in content.Claims ?? []) WriteClaim(json, name, value);
            json.WriteEndObject();
        }
        return _handler.CreateToken(Encoding.UTF8.GetString(buffer.WrittenSpan), keys.CurrentCredentials(SigningKeyRing.IdPurposeFor(algorithm)));
    }

    internal static void WriteClaim(Utf8JsonWriter json, string name, object? value)
    {
        switch (value)
        {
            case null: return;
            case bool b: json.WriteBoolean(name, b); break;
            case long l: json.WriteNumber(name, l); break;
            // A structured claim (the entitlements object) written as it is.
            case System.Text.Json.JsonElement element:
                json.WritePropertyName(name);
                element.WriteTo(json);
                break;
            case Account.PostalAddress address: // OIDC Core §5.1.1: a JSON object, not a string
                json.WritePropertyName(name);
                json.WriteRawValue(address.ToJson());
                break;
            case IEnumerable<string> list:
                json.WriteStartArray(name);
                foreach (var item in list) json.WriteStringValue(item);
                json.WriteEndArray();
                break;
            default: json.WriteString(name, value.ToString()); break;
        }
    }

    /// <summary>OIDC Core §3.1.3.6: base64url of the left half of SHA-256 of the access token's ASCII.</summary>
    private static string AtHash(string accessToken)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.ASCII.GetBytes(accessToken), hash);
        return Base64UrlEncoder.Encode(hash[..16].ToArray());
    }
}

public sealed record IdTokenContent(
    string Subject, string ClientId, DateTime AuthTime, string? Nonce, Guid? BrowserSessionId, string? AccessToken,
    IReadOnlyList<KeyValuePair<string, object?>>? Claims = null);
