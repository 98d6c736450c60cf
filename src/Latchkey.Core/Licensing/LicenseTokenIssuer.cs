using System.Buffers;
using System.Text;
using System.Text.Json;
using Latchkey.Core.Common;
using Latchkey.Core.Tokens;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Latchkey.Core.Licensing;

/// <summary>
/// A signed license file for applications that cannot call Latchkey: a JWT (<c>typ: license+jwt</c>) signed with
/// the server's current access-token key, so it verifies offline against <c>/.well-known/jwks.json</c>. It carries
/// the license, its status and entitlements, and expires with the license's term or trial, and at the latest after
/// <see cref="MaxLifetime"/> (an application refreshes it while it can reach the server). Its subject is
/// <c>license:&lt;id&gt;</c> and it has no session, so no endpoint accepts it as an access token.
/// </summary>
public sealed class LicenseTokenIssuer(LicenseKeyService keys, SigningKeyRing signing, IOptions<LatchkeyOptions> latchkey, TimeProvider clock)
{
    public static readonly TimeSpan MaxLifetime = TimeSpan.FromDays(30);
    public const string TokenType = "license+jwt";

    private static readonly Dictionary<string, object> Header = new() { ["typ"] = TokenType };
    private readonly JsonWebTokenHandler _handler = new() { SetDefaultTimesOnTokenCreation = false };

    public async Task<Result<(string Token, DateTime ExpiresAt)>> IssueAsync(string? key, CancellationToken ct)
    {
        var validated = await keys.ValidateAsync(key, null, ct);
        if (!validated.IsSuccess) return validated.Error;
        var view = validated.Value.License!;
        if (!view.Valid) return new AuthError(AuthErrorCodes.Forbidden, $"This license is {view.Status}");

        var now = clock.GetUtcNow().UtcDateTime;
        var expires = new[] { now + MaxLifetime, view.License.EndsAt ?? DateTime.MaxValue,
            view.Status == LicenseStatuses.Trialing ? view.License.TrialEndsAt ?? DateTime.MaxValue : DateTime.MaxValue }.Min();
        var payload = Payload(view, now, expires);
        return (_handler.CreateToken(payload, signing.CurrentCredentials(SigningKeyRing.AccessPurpose), Header), expires);
    }

    private string Payload(LicenseView view, DateTime now, DateTime expires)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("iss", latchkey.Value.PublicUrl);
            json.WriteString("sub", "license:" + view.License.Id);
            json.WriteNumber("iat", new DateTimeOffset(now).ToUnixTimeSeconds());
            json.WriteNumber("exp", new DateTimeOffset(expires).ToUnixTimeSeconds());
            json.WriteString("user_id", view.License.UserId);
            json.WriteString("plan", view.Plan.Code);
            json.WriteString("status", view.Status);
            json.WriteNumber("seats", view.License.Seats);
            json.WritePropertyName("entitlements");
            JsonSerializer.Serialize(json, view.Entitlements, JsonSerializerOptions.Web);
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
