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
    LatchkeyMetrics metrics,
    TimeProvider clock)
{
    private readonly JsonWebTokenHandler _handler = new() { SetDefaultTimesOnTokenCreation = false };

    private static readonly Dictionary<string, object> AtJwtHeader = new() { ["typ"] = "at+jwt" };

    public AccessToken Issue(TokenSubject subject, Guid sessionId) => Issue(subject, sessionId, DefaultAccessTokenFormat.Instance);

    /// <summary>A first-party access token in <paramref name="format"/> (its claims and its signing key).</summary>
    public AccessToken Issue(TokenSubject subject, Guid sessionId, AccessTokenFormat format) =>
        Sign(json =>
        {
            json.WriteString("sub", subject.UserId);
            json.WriteString("sid", sessionId);
            format.WriteClaims(json, subject, sessionId);
        }, null, format.KeyPurpose);

    /// <summary>
    /// An access token for an OAuth client (RFC 9068 profile, <c>typ: at+jwt</c>). It carries
    /// <c>client_id</c> and <c>scope</c>, which first-party endpoints refuse: a scoped grant never becomes
    /// full account access. <paramref name="grantSessionId"/> is null for client_credentials.
    /// <paramref name="audience"/> is the API resource the token is for (RFC 8707); null means this server.
    /// </summary>
    /// <paramref name="actorId"/> is the administrator acting as the subject (impersonation): RFC 8693 §4.1 <c>act</c>.
    /// <paramref name="claims"/> are claims a granted scope adds (the <c>entitlements</c> object).
    public AccessToken IssueForClient(
        string subject, string clientId, string scope, Guid? grantSessionId, string? audience = null, Guid? actorId = null,
        IReadOnlyList<KeyValuePair<string, object?>>? claims = null) =>
        Sign(json =>
        {
            json.WriteString("sub", subject);
            json.WriteString("aud", audience ?? latchkeyOptions.Value.PublicUrl);
            json.WriteString("client_id", clientId);
            json.WriteString("scope", scope);
            if (grantSessionId is { } sid) json.WriteString("sid", sid);
            if (actorId is { } actor)
            {
                json.WriteStartObject("act");
                json.WriteString("sub", actor);
                json.WriteEndObject();
            }
            foreach (var (name, value) in claims ?? []) OAuth.IdTokenIssuer.WriteClaim(json, name, value);
            json.WriteString("jti", Ids.New());
        }, AtJwtHeader, SigningKeyRing.AccessPurpose);

    private AccessToken Sign(Action<Utf8JsonWriter> claims, Dictionary<string, object>? header, string purpose)
    {
        metrics.AccessTokenIssued();
        var now = clock.GetUtcNow();
        var lifetime = tokenOptions.Value.AccessTokenLifetime;
        var expires = now + lifetime;

        var buffer = new ArrayBufferWriter<byte>(256);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("iss", latchkeyOptions.Value.PublicUrl);
            json.WriteNumber("iat", now.ToUnixTimeSeconds());
            json.WriteNumber("exp", expires.ToUnixTimeSeconds());
            claims(json);
            json.WriteEndObject();
        }
        var payload = Encoding.UTF8.GetString(buffer.WrittenSpan);
        var credentials = keys.CurrentCredentials(purpose);
        var token = header is null ? _handler.CreateToken(payload, credentials) : _handler.CreateToken(payload, credentials, header);
        return new AccessToken(token, expires.UtcDateTime, (int)lifetime.TotalSeconds);
    }
}
