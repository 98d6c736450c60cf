using System.Buffers;
using System.Text;
using System.Text.Json;
using Latchkey.Core.Common;
using Latchkey.Core.Sessions;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Latchkey.Core.Tokens;

/// <summary>
/// Signs access tokens. The payload is written directly with Utf8JsonWriter rather than through
/// claim dictionaries: this runs on every sign-in and refresh, so it avoids the intermediate objects.
/// </summary>
public sealed class AccessTokenIssuer(
    SigningKeyRing keys,
    IOptions<TokenOptions> tokenOptions,
    IOptions<LatchkeyOptions> latchkeyOptions,
    TimeProvider clock)
{
    private readonly JsonWebTokenHandler _handler = new() { SetDefaultTimesOnTokenCreation = false };

    public AccessToken Issue(TokenSubject subject, Guid sessionId) => Issue(subject, sessionId, DefaultAccessTokenFormat.Instance);

    public AccessToken Issue(TokenSubject subject, Guid sessionId, AccessTokenFormat format)
    {
        var now = clock.GetUtcNow();
        var lifetime = tokenOptions.Value.AccessTokenLifetime;
        var expires = now + lifetime;

        var buffer = new ArrayBufferWriter<byte>(256);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("iss", latchkeyOptions.Value.PublicUrl);
            json.WriteString("sub", subject.UserId);
            json.WriteString("sid", sessionId);
            json.WriteNumber("iat", now.ToUnixTimeSeconds());
            json.WriteNumber("exp", expires.ToUnixTimeSeconds());
            format.WriteClaims(json, subject, sessionId);
            json.WriteEndObject();
        }
        var payload = Encoding.UTF8.GetString(buffer.WrittenSpan);
        var token = _handler.CreateToken(payload, keys.CurrentCredentials(format.KeyPurpose));
        return new AccessToken(token, expires.UtcDateTime, (int)lifetime.TotalSeconds);
    }
}
